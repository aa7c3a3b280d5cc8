package cn.ebillops.inspection;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** The first entry of a targets.yaml snippet, as the registry hands it to a factory. */
public final class ConfigYaml {

    private ConfigYaml() {
    }

    public static ConfigNode target(String yaml) {
        return BotConfigFiles.parse("targets.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
                .children("targets").get(0);
    }
}
