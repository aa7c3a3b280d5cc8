package cn.ebillops.signing.check;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.signing.SignatureAlgorithm;
import cn.ebillops.signing.Signatures;
import cn.ebillops.signing.SigningServerClient;
import cn.ebillops.signing.SigningServerException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The server signs a fresh challenge; the signature is verified HERE with Bouncy Castle
 * against the server's own certificate (SM2 with the configured user ID).
 */
class SigningRoundTripCheck extends SigningCheck {

    private final SigningTarget.KeyRef key;

    SigningRoundTripCheck(SigningTarget target, SigningServerClient client, SigningTarget.KeyRef key) {
        super(target, client);
        this.key = key;
    }

    @Override
    public String id() {
        return "signing-sign:" + target.name() + ":" + key.algorithm().jcaName() + ":" + key.keyIndex();
    }

    @Override
    public String name() {
        return "签名验签往返（" + key.algorithm().jcaName() + "）";
    }

    @Override
    protected CheckResult probe(long t0) throws SigningServerException {
        byte[] challenge = ("ebillops-inspection-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        long s0 = System.nanoTime();
        byte[] sig = client.signData(key.algorithm(), key.keyIndex(), challenge);
        long signMs = (System.nanoTime() - s0) / 1_000_000;
        X509Certificate cert = client.exportCert(key.algorithm(), key.keyIndex());
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("签名耗时ms", Long.toString(signMs));
        figures.put("签名长度字节", Integer.toString(sig.length));
        if (key.algorithm() == SignatureAlgorithm.SM3_WITH_SM2) {
            figures.put("签名格式", Signatures.isDerSignature(sig) ? "DER" : (sig.length == 64 ? "r‖s" : "未知"));
        }
        boolean ok;
        long v0 = System.nanoTime();
        try {
            ok = Signatures.verify(key.algorithm(), cert.getPublicKey(), challenge, sig, target.sm2UserId());
        } catch (GeneralSecurityException | RuntimeException e) {
            figures.put("本地验签", "无法验签");
            return result(CheckStatus.FAIL, figures, "本地验签出错：" + e.getMessage(),
                    "签名服务器证书与签名算法不匹配：请核对密钥索引 %s 对应的证书和算法。".formatted(key.keyIndex()), t0);
        }
        figures.put("本地验签耗时ms", Long.toString((System.nanoTime() - v0) / 1_000_000));
        figures.put("本地验签", ok ? "通过" : "不通过");
        String subject = cert.getSubjectX500Principal().getName();
        if (!ok) {
            return result(CheckStatus.FAIL, figures,
                    "服务器对随机数据的签名用其证书（%s）本地验签不通过".formatted(subject),
                    "签名验签服务器签名结果无法验证：可能密钥与证书不匹配、密钥损坏或用户ID（默认 1234567812345678）配置不一致，请联系原厂检查。", t0);
        }
        if (signMs > target.slowMs()) {
            return result(CheckStatus.WARN, figures, "签名正确但耗时 %d ms（阈值 %d ms）".formatted(signMs, target.slowMs()),
                    "签名验签服务器响应变慢：请检查设备负载，属合同轻微故障，可远程处理。", t0);
        }
        return result(CheckStatus.OK, figures, "服务器签名、本地 Bouncy Castle 验签通过（证书 %s）".formatted(subject), "", t0);
    }
}
