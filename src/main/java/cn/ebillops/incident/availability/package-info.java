/**
 * Availability: the key-function probes, uptime over a period and the maintenance windows. A named interface
 * so that the dashboard can show the latest probe, the outages and the announced windows.
 */
@NamedInterface("availability")
package cn.ebillops.incident.availability;

import org.springframework.modulith.NamedInterface;
