/**
 * The Word documents a hospital signs (inspection report with statistics and evidence) and their links.
 */
@ApplicationModule(displayName = "报告 report", allowedDependencies = {"channel", "config", "contract", "ebill", "incident :: stats", "incident", "inspection", "llm", "schedule", "web", "word"})
package cn.ebillops.report;

import org.springframework.modulith.ApplicationModule;
