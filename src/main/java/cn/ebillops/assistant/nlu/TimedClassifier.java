package cn.ebillops.assistant.nlu;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The classifier every module gets (bean {@code messageClassifier}), timed: {@code ebillops_classifier_latency_seconds} (count, sum,
 * max and histogram buckets from 1 ms to 5 s). The first message after a start may wait for the model's
 * training; a p99 of seconds after that says the machine is short of CPU.
 */
class TimedClassifier implements MessageClassifier {

    private final OfflineClassifier classifier;
    private final Timer message;
    private final Timer asFault;

    TimedClassifier(OfflineClassifier classifier, MeterRegistry registry) {
        this.classifier = classifier;
        this.message = timer(registry, "message");
        this.asFault = timer(registry, "as_fault");
    }

    private static Timer timer(MeterRegistry registry, String kind) {
        return Timer.builder("ebillops.classifier.latency")
                .description("offline classification of one chat message")
                .tag("kind", kind)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
    }

    @Override
    public Classification classify(String text) {
        return message.record(() -> classifier.classify(text));
    }

    @Override
    public Classification classifyAsFault(String text) {
        return asFault.record(() -> classifier.classifyAsFault(text));
    }
}
