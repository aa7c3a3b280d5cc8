package cn.ebillops.llm;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs model work on its own bounded pool with a hard deadline. Time-out, error, a full pool
 * or interruption all give empty, which the caller turns into the offline answer.
 */
public class ModelDeadline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelDeadline.class);

    private final ExecutorService executor;
    private final Duration limit;

    public ModelDeadline(ExecutorService executor, Duration limit) {
        this.executor = executor;
        this.limit = limit;
    }

    public Duration limit() {
        return limit;
    }

    public <T> Optional<T> call(String what, Callable<T> work) {
        Future<T> future;
        try {
            future = executor.submit(work);
        } catch (RejectedExecutionException e) {
            log.warn("{}: language model busy (queue full), answering offline", what);
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(future.get(limit.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            log.warn("{}: no answer within {}, answering offline", what, limit);
        } catch (ExecutionException e) {
            // Only the type and a short message: model errors may echo (masked) request text.
            log.warn("{}: language model failed ({}), answering offline", what, brief(e.getCause()));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static String brief(Throwable t) {
        String m = String.valueOf(t.getMessage());
        return t.getClass().getSimpleName() + ": " + (m.length() > 200 ? m.substring(0, 200) + "…" : m);
    }
}
