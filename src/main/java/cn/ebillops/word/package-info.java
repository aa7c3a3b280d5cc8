/**
 * Word (.docx) plumbing shared by every document writer (the report module's inspection reports,
 * the incident module's statistics section). Depends on Apache POI only, never on a feature module,
 * so any module may use it without a cycle.
 */
@ApplicationModule(displayName = "Word 文档 word", allowedDependencies = {})
package cn.ebillops.word;

import org.springframework.modulith.ApplicationModule;
