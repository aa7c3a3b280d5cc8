package cn.ebillops.incident;

import java.time.Instant;

/** A person who reported (or re-reported) an incident, in a chat. */
public record Reporter(String userId, String chatId, Instant reportedAt, String textMasked) {
}
