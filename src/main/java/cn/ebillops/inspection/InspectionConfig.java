package cn.ebillops.inspection;

import cn.ebillops.config.BotConfigFiles;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the registry (from bot-config) and the runner. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InspectionProperties.class)
public class InspectionConfig {

    @Bean
    public CheckRegistry checkRegistry(BotConfigFiles files, List<CheckFactory> factories) {
        return CheckRegistry.load(files, factories);
    }

    @Bean(destroyMethod = "close")
    public CheckRunner checkRunner(InspectionProperties properties) {
        return new CheckRunner(properties.overallDeadline());
    }
}
