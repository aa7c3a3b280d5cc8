/**
 * The operations dashboard: read-only JSON under {@code /api/dashboard/<view>} and the static pages under
 * {@code /console/dashboard/}, behind the console login. It reads the other modules through their public
 * API and named interfaces only, and computes no rule of its own (availability, statuses and duty come
 * from the modules that own them).
 */
@ApplicationModule(displayName = "运维看板 dashboard", allowedDependencies = {"config", "contract", "duty", "incident", "incident :: availability", "inspection", "web"})
package cn.ebillops.dashboard;

import org.springframework.modulith.ApplicationModule;
