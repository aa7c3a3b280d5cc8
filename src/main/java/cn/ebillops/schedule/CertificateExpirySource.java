package cn.ebillops.schedule;

import java.time.LocalDate;
import java.util.Optional;

/**
 * To be implemented by the signing module: the signing server's CA certificate as read from the
 * server. When it returns empty (or fails) the date configured in bot-config/duty.yaml
 * ({@code caCertificate.notAfter}) is used.
 */
public interface CertificateExpirySource {

    /** The CA certificate's expiry, or empty when it cannot be read now. Must not block longer than a few seconds. */
    Optional<CertificateExpiry> caCertificate();

    /** {@code name} as shown to people, {@code source} says where the date came from (e.g. "签名验签服务器 10.0.0.8"). */
    record CertificateExpiry(String name, LocalDate notAfter, String source) {
    }
}
