/**
 * The tamper-evident record of every command and state change: who, by which route, what, before and after,
 * outcome, when. Modules put things on record through {@link cn.ebillops.audit.AuditTrail}, each where its
 * change happens (incident: every timeline line — opened, reported, level, acknowledged, on-site, resolved,
 * closed, withdrawn, escalated…; schedule: jobs paused and resumed; incident.availability: maintenance
 * windows; llm: every tool call of the model); the assistant publishes every slash command once
 * ({@link cn.ebillops.assistant.CommandRun}) and this module records it; every start records the digest of
 * bot-config (the configuration is loaded at start). Patient data is masked here, once, before a row is stored.
 *
 * <p>The chain: each row carries the hash of the one before; hash = SHA-256(previous hash, the row's
 * length-prefixed fields); ids are consecutive from 1. One head row (last id, last hash) is locked by every
 * append in the same transaction, so concurrent writers on any number of instances cannot fork the chain.
 * {@code /audit verify} (and scripts/audit-verify.sh against the configured database) names the first
 * changed, missing or inserted row. Retention: rows are never deleted by the assistant (more than the 180
 * days the cybersecurity law asks; about 0.5 KB a row, so a busy year is well under 100 MB). Reading is for
 * administrators (managers) only, checked by the service. Depends on the assistant (the command declaration,
 * the masker, its event), config and infra (the time zone), so every feature module may depend on this one without a cycle.
 */
@ApplicationModule(displayName = "审计 audit", allowedDependencies = {"assistant", "assistant :: command", "assistant :: nlu", "channel", "config", "infra"})
package cn.ebillops.audit;

import org.springframework.modulith.ApplicationModule;
