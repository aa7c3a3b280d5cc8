package cn.ebillops.report;

import cn.ebillops.llm.ImprovementWriter;
import cn.ebillops.incident.ReportPeriod;
import cn.ebillops.incident.stats.IncidentStatisticsDocx;
import cn.ebillops.incident.stats.IncidentStatisticsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;

/**
 * Sections other modules add to the Word reports: the quarter's fault statistics and
 * availability (incident module), and a language model's wording of the suggestions (optional).
 * The wording is asked for once per inspection run and kept in memory: a report is downloaded
 * again and again (the .docx link sits in the chat), and each ask may take the model's whole
 * answer limit.
 */
@Component
class ReportExtras {

    /** Runs whose wording is kept; older ones are asked again if someone downloads them. */
    static final int REMEMBERED_RUNS = 64;
    /** A failed ask (time-out, error, unusable answer) is not repeated on every download, but retried after this. */
    static final Duration RETRY_AFTER_NO_WORDING = Duration.ofMinutes(10);

    /** What the model gave for one run's advice, and when it was asked. */
    private record Wording(Optional<String> text, Instant askedAt) {
    }

    private final IncidentStatisticsService statistics;
    private final ImprovementWriter improvementWriter;
    private final Clock clock;
    private final Map<String, CompletableFuture<Wording>> wordings = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Wording>> eldest) {
            return size() > REMEMBERED_RUNS;
        }
    };

    public ReportExtras(IncidentStatisticsService statistics, ImprovementWriter improvementWriter, Clock clock) {
        this.statistics = statistics;
        this.improvementWriter = improvementWriter;
        this.clock = clock;
    }

    /** Appends the fault statistics of the quarter containing {@code at}, under the report's own heading. */
    void faultStatistics(XWPFDocument doc, Instant at, Runnable heading) {
        heading.run();
        ReportPeriod quarter = ReportPeriod.currentQuarter(Clock.fixed(at, clock.getZone()));
        new IncidentStatisticsDocx(clock.getZone()).write(doc, statistics.statistics(quarter),
                statistics.monthlyAvailability(quarter));
    }

    /**
     * The model's wording of the rule-based suggestions of run {@code runId}, already marked as
     * such; empty offline. Asked once per run (and advice text): later downloads, and downloads at
     * the same moment, get the same wording.
     */
    Optional<String> polishedAdvice(long runId, List<String> advice) {
        if (!improvementWriter.enabled() || advice.isEmpty()) {
            return Optional.empty();
        }
        String text = String.join("\n", advice);
        // the advice is part of the key: the same run judged against other rules (after an upgrade) is worded anew
        String key = runId + "\n" + text;
        CompletableFuture<Wording> mine = new CompletableFuture<>();
        CompletableFuture<Wording> known;
        synchronized (wordings) {
            known = wordings.get(key);
            if (known != null && stale(known)) {
                known = null;
            }
            if (known == null) {
                wordings.put(key, mine);
            }
        }
        if (known != null) {
            // the ask in progress is bounded by the model's deadline
            return known.join().text();
        }
        Optional<String> polished = Optional.empty();
        try {
            polished = improvementWriter.polish(text);
            return polished;
        } finally {
            mine.complete(new Wording(polished, clock.instant()));
        }
    }

    private boolean stale(CompletableFuture<Wording> w) {
        if (!w.isDone()) {
            return false;
        }
        Wording done = w.join();
        return done.text().isEmpty() && !clock.instant().isBefore(done.askedAt().plus(RETRY_AFTER_NO_WORDING));
    }
}
