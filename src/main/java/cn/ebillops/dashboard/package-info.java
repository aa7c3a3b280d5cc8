/**
 * The operations dashboard in the web console: read-only JSON under {@code /api/dashboard/<view>} for the pages
 * under {@code /console/dashboard/} (behind the console login), and the public status page's JSON
 * {@code /api/public/status} (no login, nothing that names a person or a host). Reads the other modules through
 * their public API only; changes nothing.
 */
@ApplicationModule(displayName = "运维看板 dashboard", allowedDependencies = {"config", "contract", "duty", "incident",
        "incident :: availability", "incident :: clock", "inspection", "web"})
package cn.ebillops.dashboard;

import org.springframework.modulith.ApplicationModule;
