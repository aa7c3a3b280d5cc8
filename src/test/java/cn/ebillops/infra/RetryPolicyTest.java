package cn.ebillops.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The one retry rule: which failures are tried again, how often in process, and how long each wait is.
 * In-process attempts run on the rule scaled to milliseconds; the production waits are read from the rule,
 * never waited for.
 */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy();
    /** The same rule with 1 ms where production waits 1 s. */
    private final RetryPolicy fast = RetryPolicy.scaledTo(Duration.ofMillis(1));

    /** A failure of the kind the caller says may pass later, or not. */
    static final class Failure extends RuntimeException implements RetryPolicy.Transient {
        private final boolean isTransient;

        Failure(String message, boolean isTransient) {
            super(message);
            this.isTransient = isTransient;
        }

        @Override
        public boolean isTransient() {
            return isTransient;
        }
    }

    @Test
    void waitsStartAtOneSecondAndDoubleUpToFiveMinutes() {
        assertThat(IntStream.rangeClosed(1, 10).mapToObj(policy::waitAfter).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L);
        assertThat(policy.waitAfter(1_000)).as("a long outage").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void onlyAFailureThatSaysItIsTransientIsRetried() {
        assertThat(policy.retries(new Failure("busy", true))).isTrue();
        assertThat(policy.retries(new Failure("refused", false))).isFalse();
        assertThat(policy.retries(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void aTransientFailureIsTriedThreeTimesInProcessThenTheLastFailureIsThrown() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> fast.run(() -> {
            throw new Failure("busy " + attempts.incrementAndGet(), true);
        })).isInstanceOf(Failure.class).hasMessage("busy 3");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aCallThatPassesOnItsSecondAttemptSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        fast.run(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new Failure("busy", true);
            }
        });
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aRefusalOrABugIsThrownAtTheFirstAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> fast.run(() -> {
            attempts.incrementAndGet();
            throw new Failure("refused", false);
        })).hasMessage("refused");
        assertThatThrownBy(() -> fast.run(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("a bug");
        })).hasMessage("a bug");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void reconnectWaitsGrowAreCappedAndJittered() {
        Duration max = Duration.ofSeconds(60);
        for (int i = 0; i < 20; i++) {
            assertThat(RetryPolicy.reconnectWait(1, max).toMillis()).isBetween(500L, 1000L);
            assertThat(RetryPolicy.reconnectWait(4, max).toMillis()).isBetween(4000L, 8000L);
            assertThat(RetryPolicy.reconnectWait(30, max).toMillis()).isBetween(30_000L, 60_000L);
        }
    }

    @Test
    void theInProcessWaitsAreTheBackOff() {
        List<Duration> waits = new ArrayList<>();
        fast.retry().getEventPublisher().onRetry(e -> waits.add(e.getWaitInterval()));
        assertThatThrownBy(() -> fast.run(() -> {
            throw new Failure("busy", true);
        })).isInstanceOf(Failure.class);
        assertThat(waits).containsExactly(fast.waitAfter(1), fast.waitAfter(2))
                .containsExactly(Duration.ofMillis(1), Duration.ofMillis(2));

        // production: three attempts, 1 s and 2 s apart (read from the configuration, not waited for)
        RetryConfig config = policy.retry().getRetryConfig();
        assertThat(config.getMaxAttempts()).isEqualTo(3);
        assertThat(config.getIntervalFunction().apply(1)).isEqualTo(1_000L);
        assertThat(config.getIntervalFunction().apply(2)).isEqualTo(2_000L);
    }
}
