package cn.ebillops.signing.check;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.signing.CertificateExpiry;
import cn.ebillops.signing.SigningServerClient;
import cn.ebillops.signing.SigningServerException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server certificate is valid now and not within {@code warnDays} of expiry. */
class SigningCertificateCheck extends SigningCheck {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SigningTarget.KeyRef key;
    private final Clock clock;

    SigningCertificateCheck(SigningTarget target, SigningServerClient client, SigningTarget.KeyRef key, Clock clock) {
        super(target, client);
        this.key = key;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "signing-cert:" + target.name() + ":" + key.algorithm().jcaName() + ":" + key.keyIndex();
    }

    @Override
    public String name() {
        return "签名证书有效期（" + key.algorithm().jcaName() + "）";
    }

    @Override
    protected CheckResult probe(long t0) throws SigningServerException {
        CertificateExpiry e = CertificateExpiry.of(client.exportCert(key.algorithm(), key.keyIndex()), clock, target.warnDays());
        ZoneId zone = clock.getZone();
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("剩余天数", Long.toString(e.daysLeft()));
        figures.put("生效时间", DATE.format(e.notBefore().atZone(zone)));
        figures.put("到期时间", DATE.format(e.notAfter().atZone(zone)));
        figures.put("序列号", e.serialHex());
        String evidence = "证书 %s，颁发者 %s，有效期至 %s".formatted(e.subject(), e.issuer(), figures.get("到期时间"));
        return switch (e.state()) {
            case VALID -> result(CheckStatus.OK, figures, evidence + "，剩余 " + e.daysLeft() + " 天", "", t0);
            case EXPIRING -> result(CheckStatus.WARN, figures, evidence + "，仅剩 " + e.daysLeft() + " 天",
                    "证书将在 %d 天内到期（提醒阈值 %d 天）：请尽快向 CA 申请更新证书并安排导入签名验签服务器（合同含 1 张 CA 证书服务）。"
                            .formatted(e.daysLeft(), target.warnDays()), t0);
            case EXPIRED -> result(CheckStatus.FAIL, figures, evidence + "，已过期 " + (-e.daysLeft()) + " 天",
                    "证书已过期，签名验签将失败：请立即联系 CA 更新证书并导入设备。", t0);
            case NOT_YET_VALID -> result(CheckStatus.FAIL, figures, evidence + "，尚未生效",
                    "证书尚未生效：请检查设备系统时间和导入的证书是否正确。", t0);
        };
    }
}
