package cn.ebillops.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaClocksTest {

    private static final Instant OPENED = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant DEADLINE = OPENED.plus(Duration.ofMinutes(30));

    @Test
    void greenWhileMoreThanAQuarterIsLeftAmberInTheLastQuarterRedWhenPast() {
        assertThat(SlaClocks.colour(OPENED, DEADLINE, OPENED.plus(Duration.ofMinutes(22)))).isEqualTo(SlaClocks.Colour.GREEN);
        assertThat(SlaClocks.colour(OPENED, DEADLINE, OPENED.plus(Duration.ofMinutes(23)))).isEqualTo(SlaClocks.Colour.AMBER);
        assertThat(SlaClocks.colour(OPENED, DEADLINE, DEADLINE)).isEqualTo(SlaClocks.Colour.AMBER);
        assertThat(SlaClocks.colour(OPENED, DEADLINE, DEADLINE.plusSeconds(1))).isEqualTo(SlaClocks.Colour.RED);
    }
}
