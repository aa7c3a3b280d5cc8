/**
 * Incidents: opening from a fault report, levels I/II/III, SLA clocks and escalation along the duty chain,
 * diagnosis by the relevant checks, notices to the group and the engineer, availability (≥ 99 %) and
 * fault statistics. Named interfaces: {@code stats} (for the reports) and {@code views} (status text for
 * the model's tools).
 */
@ApplicationModule(displayName = "故障 incident", allowedDependencies = {"assistant", "assistant :: nlu", "assistant :: command", "audit", "channel", "config", "contract", "duty", "infra", "inspection", "schedule", "word", "wording"})
package cn.ebillops.incident;

import org.springframework.modulith.ApplicationModule;
