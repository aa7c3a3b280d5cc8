package cn.ebillops.incident;

import cn.ebillops.config.BotConfigFiles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads and validates bot-config/incident.yaml at start. */
@Configuration(proxyBeanMethods = false)
class IncidentConfig {

    @Bean
    public IncidentSettings incidentSettings(BotConfigFiles files) {
        return IncidentSettings.load(files);
    }
}
