package cn.ebillops.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A stored row of the audit log and its place in the chain: {@code hash} is SHA-256 over the previous
 * row's hash and this row's canonical content, so changing any field, or the link, changes it.
 */
record AuditRow(long id, Instant at, String actor, String route, String action, String target, String before,
                String after, String outcome, String prevHash, String hash) {

    /** The previous hash of the first row. */
    static final String GENESIS = "0".repeat(64);

    /** The hash this row should carry, computed from its content and the previous hash it names. */
    String expectedHash() {
        return hash(prevHash, canonical());
    }

    /**
     * Every field length-prefixed (so no value can pass for two), the time as epoch milliseconds (so it
     * does not depend on the time zone of whoever verifies), absent text as empty.
     */
    String canonical() {
        StringBuilder sb = new StringBuilder();
        for (String field : new String[] {Long.toString(id), Long.toString(at.toEpochMilli()), actor, route, action,
                target, before, after, outcome}) {
            String v = field == null ? "" : field;
            sb.append(v.length()).append(':').append(v).append(';');
        }
        return sb.toString();
    }

    static String hash(String prevHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** This row with its link and hash set: how the appender seals a new row. */
    AuditRow chainedTo(String previous) {
        AuditRow linked = new AuditRow(id, at, actor, route, action, target, before, after, outcome, previous, "");
        return new AuditRow(id, at, actor, route, action, target, before, after, outcome, previous,
                linked.expectedHash());
    }
}
