package cn.ebillops.ebill.check;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.inspection.CheckFactory;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.sandbox.ebill.EbillPlatformStandIn;
import cn.ebillops.signing.HttpJsonSigningClientProvider;
import cn.ebillops.signing.check.SigningCheckFactory;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The factories are Spring beans the registry finds by kind; the app key comes from the environment. */
class CheckFactoryWiringTest {

    @Test
    void factoriesAreBeansByKindAndReadTheKeyFromTheEnvironment() throws Exception {
        try (EbillPlatformStandIn platform = new EbillPlatformStandIn("APP", "from-env", 0, Clock.systemUTC())) {
            platform.start();
            new ApplicationContextRunner()
                    .withBean(Clock.class, Clock::systemUTC)
                    .withBean(PiiMasker.class)
                    .withBean(org.springframework.jdbc.core.simple.JdbcClient.class,
                            () -> cn.ebillops.inspection.InspectionTestDb.jdbc())
                    .withBean(HttpJsonSigningClientProvider.class)
                    .withBean(EbillCheckFactory.class)
                    .withBean(SigningCheckFactory.class)
                    .withPropertyValues("EBILL_TEST_APP_KEY=from-env")
                    .run(ctx -> {
                        Map<String, CheckFactory> byKind = ctx.getBeansOfType(CheckFactory.class).values().stream()
                                .collect(Collectors.toMap(CheckFactory::kind, f -> f));
                        assertThat(byKind).containsOnlyKeys("ebill", "signing");
                        var checks = byKind.get("ebill").create(TestTargets.parse("""
                                name: env
                                kind: ebill
                                baseUrl: %s
                                appid: APP
                                appKeyEnv: EBILL_TEST_APP_KEY
                                placeCode: "001"
                                items: [16]
                                """.formatted(platform.baseUrl())));
                        CheckResult r = checks.get(0).run();
                        assertThat(r.status()).as(r.evidence()).isEqualTo(CheckStatus.OK);
                    });
        }
    }
}
