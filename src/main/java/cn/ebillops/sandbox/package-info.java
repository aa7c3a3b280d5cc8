/**
 * Loopback stand-ins for WeCom, the e-bill platform and the signing server, for the demo profile and
 * tests. Nothing in production depends on this module.
 */
@ApplicationModule(displayName = "演示替身 sandbox", allowedDependencies = {"ebill", "signing", "wecom"})
package cn.ebillops.sandbox;

import org.springframework.modulith.ApplicationModule;
