package cn.ebillops.sandbox.ebill;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the e-bill platform stand-in on loopback in the demo (ebillops.sandbox.enabled=true). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ebillops.sandbox.enabled", havingValue = "true")
public class SandboxEbillConfig {

    /** The demo account; the key "sandbox" is the only literal key bot-config accepts. */
    public static final String DEMO_APPID = "EBOPS-DEMO";
    public static final String DEMO_KEY = "sandbox";

    @Bean(initMethod = "start", destroyMethod = "close")
    public EbillPlatformStandIn ebillPlatformStandIn(@Value("${ebillops.sandbox.ebill.port:18081}") int port, Clock clock) {
        return new EbillPlatformStandIn(DEMO_APPID, DEMO_KEY, port, clock);
    }
}
