package cn.ebillops.ebill.check;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Builds a target node the way the registry does: parsed from YAML of a targets file. */
public final class TestTargets {

    private TestTargets() {
    }

    public static ConfigNode parse(String yamlOfOneTarget) {
        String doc = "targets:\n" + yamlOfOneTarget.lines().map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n")
                .replaceFirst("    ", "  - ");
        return BotConfigFiles.parse("targets.d/test.yaml", new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)))
                .children("targets").get(0);
    }
}
