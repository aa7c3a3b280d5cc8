package cn.ebillops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.sandbox.ebill.EbillPlatformStandIn;
import cn.ebillops.sandbox.ebill.SandboxEbillConfig;
import cn.ebillops.sandbox.signing.SandboxSigningConfig;
import cn.ebillops.sandbox.signing.SigningServerStandIn;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SandboxConfigTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(Clock.class, Clock::systemUTC)
            .withUserConfiguration(SandboxEbillConfig.class, SandboxSigningConfig.class);

    @Test
    void standInsAreAbsentUnlessTheSandboxIsEnabled() {
        runner.run(ctx -> {
            assertThat(ctx).doesNotHaveBean(EbillPlatformStandIn.class);
            assertThat(ctx).doesNotHaveBean(SigningServerStandIn.class);
        });
    }

    @Test
    void enabledSandboxStartsBothStandInsOnLoopback() {
        runner.withPropertyValues("ebillops.sandbox.enabled=true", "ebillops.sandbox.ebill.port=0", "ebillops.sandbox.signing.port=0")
                .run(ctx -> {
                    assertThat(ctx.getBean(EbillPlatformStandIn.class).port()).isPositive();
                    assertThat(ctx.getBean(SigningServerStandIn.class).baseUrl()).startsWith("http://127.0.0.1:");
                });
    }
}
