package cn.ebillops.signing.check;

import cn.ebillops.config.ConfigNode;
import cn.ebillops.signing.SignatureAlgorithm;
import cn.ebillops.signing.Signatures;
import java.time.Duration;
import java.util.List;

/** A {@code kind: signing} entry of bot-config/targets*.yaml, validated. */
record SigningTarget(String name, String client, Duration timeout, int warnDays, int slowMs, String sm2UserId,
                     List<KeyRef> keys) {

    record KeyRef(SignatureAlgorithm algorithm, String keyIndex) {
    }

    static SigningTarget from(ConfigNode node) {
        List<KeyRef> keys = node.children("keys").stream().map(k -> new KeyRef(algorithm(k), k.string("keyIndex"))).toList();
        if (keys.isEmpty()) {
            keys = List.of(new KeyRef(SignatureAlgorithm.SM3_WITH_SM2, node.string("keyIndex", "1")));
        }
        return new SigningTarget(node.string("name"), node.string("client", "http-json"),
                node.duration("timeout", Duration.ofSeconds(10)), node.integer("warnDays", 30, 1, 365),
                node.integer("slowMs", 3000, 1, 600_000), node.string("sm2UserId", Signatures.DEFAULT_SM2_USER_ID), keys);
    }

    private static SignatureAlgorithm algorithm(ConfigNode k) {
        String v = k.string("algorithm", "SM3withSM2");
        return SignatureAlgorithm.parse(v).orElseThrow(() -> k.error("algorithm", v, "SM3withSM2、SHA256withRSA"));
    }
}
