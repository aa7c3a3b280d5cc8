package cn.ebillops.inspection;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.infra.KeyValueStore;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the registry (from bot-config), the runner and the single-run guard. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InspectionProperties.class)
class InspectionConfig {

    @Bean
    public CheckRegistry checkRegistry(BotConfigFiles files, List<CheckFactory> factories) {
        return CheckRegistry.load(files, factories);
    }

    @Bean(destroyMethod = "close")
    public CheckRunner checkRunner(InspectionProperties properties) {
        return new CheckRunner(properties.overallDeadline());
    }

    /** The real service, as chat always used; a stand-in Inspector a test marks @Primary serves only the incident module. */
    @Bean(destroyMethod = "close")
    public InspectionGate inspectionGate(InspectionService inspections, KeyValueStore kv, InspectionProperties properties) {
        return new InspectionGate(inspections, kv, properties.overallDeadline());
    }
}
