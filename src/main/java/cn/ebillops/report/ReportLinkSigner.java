package cn.ebillops.report;

import cn.ebillops.config.ConfigException;
import cn.ebillops.config.EnvironmentRules;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Signs and checks report download links: HMAC-SHA256 over the document, the report id and the
 * expiry, with a secret from the environment, so a link posted in chat opens its own report until
 * it expires and counting ids opens nothing. The signature is compared in constant time.
 */
@Component
class ReportLinkSigner {

    /**
     * Settings (config/report.yml, prefix ebillops.report.links).
     *
     * @param secret       EBILLOPS_LINK_SECRET, at least {@value #MIN_SECRET} characters
     * @param validity     how long a link posted in chat keeps working
     * @param randomSecret demo and tests only: without a secret, draw one per start
     */
    @ConfigurationProperties("ebillops.report.links")
    record Settings(@DefaultValue("") String secret, @DefaultValue("7d") Duration validity,
                    @DefaultValue("false") boolean randomSecret) {
    }

    enum Verdict { VALID, EXPIRED, INVALID }

    static final int MIN_SECRET = EnvironmentRules.MIN_LINK_SECRET;
    private static final Logger log = LoggerFactory.getLogger(ReportLinkSigner.class);
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final Duration validity;
    private final Clock clock;

    ReportLinkSigner(Settings settings, Clock clock) {
        this.key = new SecretKeySpec(secret(settings), HMAC);
        this.validity = settings.validity();
        this.clock = clock;
    }

    private static byte[] secret(Settings settings) {
        // the rule is shared with scripts/check-config.sh; a ConfigException is printed short at start
        EnvironmentRules.linkSecret(settings.secret(), settings.randomSecret()).ifPresent(problem -> {
            throw new ConfigException(List.of(problem));
        });
        if (!settings.secret().isBlank()) {
            return settings.secret().getBytes(StandardCharsets.UTF_8);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        log.info("EBILLOPS_LINK_SECRET not set: report links are signed with a random secret drawn for this start"
                + " (demo/test only; links stop working at restart)");
        return random;
    }

    /** The query that makes {@code document} of report {@code id} downloadable until now + validity. */
    String query(String document, long id) {
        long expires = clock.instant().plus(validity).getEpochSecond();
        return "expires=" + expires + "&sig=" + sign(document, id, expires);
    }

    Verdict check(String document, long id, String expires, String signature) {
        if (expires == null || signature == null || !expires.matches("\\d{1,12}")) {
            return Verdict.INVALID;
        }
        long until = Long.parseLong(expires);
        byte[] expected = sign(document, id, until).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.INVALID;
        }
        return clock.instant().getEpochSecond() < until ? Verdict.VALID : Verdict.EXPIRED;
    }

    Duration validity() {
        return validity;
    }

    private String sign(String document, long id, long expires) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] sig = mac.doFinal((document + "\n" + id + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
