/**
 * The signature-verification server: SM2/SM3 sign-and-verify round trip, certificate expiry, the quarterly
 * signing-server inspection (contract 二.3).
 */
@ApplicationModule(displayName = "签名验签 signing", allowedDependencies = {"config", "inspection", "schedule"})
package cn.ebillops.signing;

import org.springframework.modulith.ApplicationModule;
