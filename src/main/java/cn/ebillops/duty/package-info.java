/**
 * Duty rosters and the holiday calendar: who is on duty, backup and manager for a day; answers duty
 * questions and the {@code /duty} command; tells when a year's calendar is missing.
 */
@ApplicationModule(displayName = "值班 duty", allowedDependencies = {"assistant", "assistant :: nlu", "assistant :: command", "audit", "channel", "config", "infra", "wording"})
package cn.ebillops.duty;

import org.springframework.modulith.ApplicationModule;
