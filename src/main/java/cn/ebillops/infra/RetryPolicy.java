package cn.ebillops.infra;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * The one rule for trying a call again, so the WeCom app client, the group robot's outbox and the incident
 * follow-through back off alike:
 * <ul>
 * <li>only a failure that says it is {@linkplain Transient transient} (busy, rate limit, unreachable) is
 * retried; a refusal or a bug would fail the same way again;</li>
 * <li>the wait after the n-th failed attempt starts at 1 s and doubles, at most 5 minutes;</li>
 * <li>in process ({@link #run}) a call gets 3 attempts (waits 1 s and 2 s), then its last failure is thrown:
 * a thread is not held longer, and the caller's durable retry takes over;</li>
 * <li>a durable retry (a row with its next-attempt time) asks {@link #waitAfter} for the same waits and keeps
 * going, since nothing is held while it waits;</li>
 * <li>a connection that dropped ({@link #reconnectWait}) comes back after the same doubling waits, each
 * times 0.5–1.0, so that instances cut off together do not all come back in the same second.</li>
 * </ul>
 */
@Component
public class RetryPolicy {

    static final int MAX_ATTEMPTS = 3;
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final double MULTIPLIER = 2;
    static final Duration MAX_WAIT = Duration.ofMinutes(5);

    /** A failure that knows whether the same call may pass if made again a little later. */
    public interface Transient {
        boolean isTransient();
    }

    private final IntervalFunction backoff;
    private final Retry retry;

    public RetryPolicy() {
        this(FIRST_WAIT);
    }

    private RetryPolicy(Duration firstWait) {
        this.backoff = IntervalFunction.ofExponentialBackoff(firstWait, MULTIPLIER,
                firstWait.multipliedBy(MAX_WAIT.dividedBy(FIRST_WAIT)));
        this.retry = Retry.of("ebillops", RetryConfig.custom()
                .maxAttempts(MAX_ATTEMPTS)
                .intervalFunction(backoff)
                .retryOnException(this::retries)
                .build());
    }

    /**
     * The same rule with every wait scaled from 1 s to {@code firstWait}: tests make their attempts in
     * milliseconds instead of seconds.
     */
    public static RetryPolicy scaledTo(Duration firstWait) {
        return new RetryPolicy(firstWait);
    }

    /** Whether {@code failure} is worth another attempt. */
    public boolean retries(Throwable failure) {
        return failure instanceof Transient t && t.isTransient();
    }

    /** How long to wait before the next attempt once {@code failures} attempts (1 or more) have failed. */
    public Duration waitAfter(int failures) {
        return Duration.ofMillis(backoff.apply(Math.max(1, failures)));
    }

    /** The wait before reconnecting after {@code failures} failed connections (1 or more), at most {@code max}. */
    public static Duration reconnectWait(int failures, Duration max) {
        long base = IntervalFunction.ofExponentialBackoff(FIRST_WAIT, MULTIPLIER, max).apply(Math.max(1, failures));
        return Duration.ofMillis((long) (base * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5)));
    }

    /** Runs {@code attempt}, again after a wait while it fails transiently, at most {@value #MAX_ATTEMPTS} times. */
    public void run(Runnable attempt) {
        retry.executeRunnable(attempt);
    }

    /** The in-process retry itself, for tests that watch its attempts and waits. */
    Retry retry() {
        return retry;
    }
}
