/** Fault statistics (quarterly and yearly), read by the report module for the documents a hospital signs. */
@NamedInterface("stats")
package cn.ebillops.incident.stats;

import org.springframework.modulith.NamedInterface;
