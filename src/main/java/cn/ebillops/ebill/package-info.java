/**
 * The e-bill platform's HTTP client (signed requests as the platform specifies) and the inspection checks
 * that call it (items 11-16).
 */
@ApplicationModule(displayName = "电子票据平台 ebill", allowedDependencies = {"assistant", "config", "inspection"})
package cn.ebillops.ebill;

import org.springframework.modulith.ApplicationModule;
