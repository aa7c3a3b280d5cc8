package cn.ebillops.signing.check;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.InspectionStore;
import cn.ebillops.schedule.CertificateExpirySource;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The signing server's certificate expiry as last read by a signing check (inspections and the
 * availability probes run it), so the reminders follow the real certificate without a call of their own.
 */
@Component
class SigningCertificateExpiry implements CertificateExpirySource {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final InspectionStore store;

    SigningCertificateExpiry(InspectionStore store) {
        this.store = store;
    }

    @Override
    public Optional<CertificateExpiry> caCertificate() {
        return store.latestResult("signing-cert:").flatMap(SigningCertificateExpiry::expiry);
    }

    static Optional<CertificateExpiry> expiry(CheckResult r) {
        String notAfter = r.figures().get("到期时间");
        if (notAfter == null) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(notAfter, DATE);
            return Optional.of(new CertificateExpiry("签名验签服务器证书", date, "签名验签服务器 " + r.target() + "（巡检读取）"));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
