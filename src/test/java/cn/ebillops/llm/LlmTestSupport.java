package cn.ebillops.llm;

import cn.ebillops.assistant.nlu.Entities;
import cn.ebillops.assistant.Turn;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.config.BotConfig;
import cn.ebillops.config.BotConfigLoader;
import cn.ebillops.config.Person;
import cn.ebillops.testsupport.TestBotConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Shared bits of the language-model tests: people from bot-config, turns. */
final class LlmTestSupport {

    private LlmTestSupport() {
    }

    static final BotConfig CONFIG = new BotConfigLoader().botConfig(TestBotConfig.files());
    static final Person ENGINEER = CONFIG.person("zhanggong");
    static final Person STAFF = CONFIG.person("chenxia");

    static LlmProperties properties(String baseUrl, Duration timeout, Duration turnTimeout) {
        return new LlmProperties(baseUrl, "qwen-test", "", timeout, turnTimeout, 6, Path.of("prompts"));
    }

    static Turn turn(Person sender, String text) {
        InboundMessage m = new InboundMessage("console", "wr_cashier", sender.userId(), text,
                UUID.randomUUID().toString(), Instant.parse("2026-11-25T02:00:00Z"));
        return new Turn(m, sender, Optional.empty(), text, Entities.NONE);
    }
}
