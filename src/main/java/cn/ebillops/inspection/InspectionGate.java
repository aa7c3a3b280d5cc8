package cn.ebillops.inspection;

import cn.ebillops.infra.KeyValueStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The single-run guard for inspections people ask for: the chat command, a natural request and
 * the language model's tool. One at a time, by a lock in the shared store (so across instances
 * too), because every inspection hits the production systems.
 * <p>
 * The inspection runs on the gate's own thread: a caller that stops waiting — the model's
 * whole-answer limit is shorter than an inspection's deadline — neither interrupts it nor frees
 * the lock early. A second request under the same key (the offline answer to the same message,
 * after the model gave up) joins that run, running or finished, instead of starting another.
 */
public class InspectionGate implements AutoCloseable {

    static final String LOCK = "inspection:chat-run";
    /** Requests whose run can still be joined; the newest is the one that may be running. */
    static final int REMEMBERED = 32;
    /** Beyond the inspection's own deadline: storing the run and publishing its event. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final Inspector inspector;
    private final KeyValueStore kv;
    private final Duration inspectionDeadline;
    private final ExecutorService executor;
    private final Map<String, CompletableFuture<InspectionRun>> byRequest = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<InspectionRun>> eldest) {
            return size() > REMEMBERED;
        }
    };

    public InspectionGate(Inspector inspector, KeyValueStore kv, Duration inspectionDeadline) {
        this.inspector = inspector;
        this.kv = kv;
        this.inspectionDeadline = inspectionDeadline;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "inspection-request-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The run for this request: the one it already started, or a new one when no inspection is in
     * progress anywhere. Empty when another request's inspection is running.
     */
    public synchronized Optional<CompletableFuture<InspectionRun>> start(String requestKey, Set<InspectionScope> scopes,
                                                                        String trigger) {
        CompletableFuture<InspectionRun> known = byRequest.get(requestKey);
        if (known != null) {
            return Optional.of(known);
        }
        String owner = UUID.randomUUID().toString();
        if (!kv.tryLock(LOCK, owner, inspectionDeadline.plus(MARGIN))) {
            return Optional.empty();
        }
        CompletableFuture<InspectionRun> run;
        try {
            run = CompletableFuture.supplyAsync(() -> {
                try {
                    return inspector.run(scopes, trigger);
                } finally {
                    kv.unlock(LOCK, owner);
                }
            }, executor);
        } catch (RejectedExecutionException e) {
            kv.unlock(LOCK, owner);
            throw e;
        }
        byRequest.put(requestKey, run);
        return Optional.of(run);
    }

    /**
     * Waits for a run started here, at most its deadline plus a margin; empty if it is still going.
     * An inspector failure is rethrown (the assistant turns it into an apology with an error id).
     */
    public Optional<InspectionRun> await(CompletableFuture<InspectionRun> run) throws InterruptedException {
        try {
            return Optional.of(run.get(inspectionDeadline.plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("inspection failed", e.getCause());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
