package cn.ebillops.sandbox.signing;

import java.security.GeneralSecurityException;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the signing-server stand-in on loopback in the demo (ebillops.sandbox.enabled=true). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ebillops.sandbox.enabled", havingValue = "true")
public class SandboxSigningConfig {

    @Bean(initMethod = "start", destroyMethod = "close")
    public SigningServerStandIn signingServerStandIn(@Value("${ebillops.sandbox.signing.port:18082}") int port,
                                                     Clock clock) throws GeneralSecurityException {
        return new SigningServerStandIn(port, clock);
    }
}
