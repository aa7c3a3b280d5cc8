package cn.ebillops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigNodeTest {

    private static ConfigNode node(String yaml) {
        return BotConfigFiles.parse("t.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsDurationsInShortAndIsoForm() {
        ConfigNode n = node("a: 15m\nb: PT4H\nc: 500ms\n");
        assertThat(n.duration("a", null)).isEqualTo(Duration.ofMinutes(15));
        assertThat(n.duration("b", null)).isEqualTo(Duration.ofHours(4));
        assertThat(n.duration("c", null)).isEqualTo(Duration.ofMillis(500));
        assertThat(n.duration("missing", Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void badDurationNamesAllowedForms() {
        assertThatThrownBy(() -> node("x:\n  timeout: soon\n").child("x").duration("timeout", null))
                .hasMessageContaining("x.timeout").hasMessageContaining("soon").hasMessageContaining("15m");
    }

    @Test
    void integerOutOfRangeIsRefused() {
        assertThatThrownBy(() -> node("warn: 120\n").integer("warn", 85, 1, 100))
                .hasMessageContaining("1 到 100");
    }

    @Test
    void listItemsCarryTheirIndexInErrors() {
        assertThatThrownBy(() -> node("targets:\n  - name: a\n  - kind: disk\n").children("targets").get(1).string("name"))
                .hasMessageContaining("targets[1].name");
    }
}
