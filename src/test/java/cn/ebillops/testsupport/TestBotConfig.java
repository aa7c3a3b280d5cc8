package cn.ebillops.testsupport;

import cn.ebillops.config.BotConfigFiles;
import java.nio.file.Path;

/**
 * The configuration directory tests read: the fixtures under src/test/bot-config (people, duty
 * roster, holidays, targets) plus the shipped nlu/ and knowledge/ (the product's own data),
 * assembled into target/test-bot-config by Maven (pom.xml, process-test-resources). Tests never
 * read the live bot-config/, so an administrator adding next year's holiday file breaks nothing;
 * only ShippedConfigSmokeTest loads the shipped files.
 */
public final class TestBotConfig {

    public static final Path DIR = Path.of("target/test-bot-config");

    private TestBotConfig() {
    }

    public static BotConfigFiles files() {
        return new BotConfigFiles(DIR);
    }
}
