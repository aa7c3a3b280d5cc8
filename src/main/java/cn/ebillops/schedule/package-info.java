/**
 * The calendar jobs on Quartz: holiday duty notices, pre-holiday inspection and backup check, quarterly
 * inspection, yearly reminders; notices planned once and posted once; {@code /schedule} to pause or resume.
 */
@ApplicationModule(displayName = "日程 schedule", allowedDependencies = {"assistant", "assistant :: nlu", "assistant :: command", "audit", "channel", "config", "duty", "infra", "inspection", "wording"})
package cn.ebillops.schedule;

import org.springframework.modulith.ApplicationModule;
