/**
 * Availability of the key functions against the contract's ≥ 99 % target, with the outage intervals and the
 * maintenance windows, read by the dashboard's availability view (the rule is computed here, once).
 */
@NamedInterface("availability")
package cn.ebillops.incident.availability;

import org.springframework.modulith.NamedInterface;
