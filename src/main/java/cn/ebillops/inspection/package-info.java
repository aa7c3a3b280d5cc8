/**
 * The quarterly inspection: checks per contract item, running them with timeouts, results, trends and
 * comparison with the last run, and the {@code /inspect} command. Check implementations live in
 * sub-packages of {@code checks}; ebill and signing add their own.
 */
@ApplicationModule(displayName = "巡检 inspection", allowedDependencies = {"assistant", "assistant :: nlu", "assistant :: command", "channel", "config", "contract", "infra", "wording"})
package cn.ebillops.inspection;

import org.springframework.modulith.ApplicationModule;
