package cn.ebillops.signing;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Validity of a certificate at a given time. {@code daysLeft} counts whole days until notAfter
 * (negative once expired).
 */
public record CertificateExpiry(String subject, String issuer, String serialHex, Instant notBefore, Instant notAfter,
                                long daysLeft, State state) {

    public enum State { VALID, EXPIRING, EXPIRED, NOT_YET_VALID }

    public static CertificateExpiry of(X509Certificate cert, Clock clock, int warnDays) {
        Instant now = clock.instant();
        Instant nb = cert.getNotBefore().toInstant();
        Instant na = cert.getNotAfter().toInstant();
        long days = Math.floorDiv(Duration.between(now, na).toSeconds(), 86_400L);
        State state;
        if (now.isBefore(nb)) {
            state = State.NOT_YET_VALID;
        } else if (!now.isBefore(na)) {
            state = State.EXPIRED;
        } else if (days < warnDays) {
            state = State.EXPIRING;
        } else {
            state = State.VALID;
        }
        return new CertificateExpiry(cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                cert.getSerialNumber().toString(16), nb, na, days, state);
    }
}
