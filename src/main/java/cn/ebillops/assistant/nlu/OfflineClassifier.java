package cn.ebillops.assistant.nlu;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Offline understanding without network or language model. Slash commands are mapped by name;
 * then cue-word rules written from GUIDELINES.md decide what embeddings get wrong (scope,
 * negation, follow-ups, thanks, named cause, severity). The bge-small-zh embedding of the
 * message, compared with the hospital's exemplars, decides the intent and the area when no rule
 * recognises them, and sets the confidence.
 */
public final class OfflineClassifier implements MessageClassifier {

    static final int DEFAULT_CACHE_SIZE = 2048;
    /** Softmax temperature over per-label cosine scores; bge similarities differ by a few hundredths. */
    private static final double TEMPERATURE = 0.03;

    private final ExemplarFile exemplars;
    private final Supplier<EmbeddingModel> model;
    private volatile ExemplarIndex index;
    /** Recent answers by normalised text: chat repeats itself ("开票失败", "好了吗"). */
    private final Map<String, Classification> cache;

    OfflineClassifier(ExemplarFile exemplars, Supplier<EmbeddingModel> model) {
        this(exemplars, model, DEFAULT_CACHE_SIZE);
    }

    OfflineClassifier(ExemplarFile exemplars, Supplier<EmbeddingModel> model, int cacheSize) {
        this.exemplars = exemplars;
        this.model = model;
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Classification> eldest) {
                return size() > cacheSize;
            }
        });
    }

    /** For the command-line tool: exemplar vectors are kept in {@code cacheFile} between runs. */
    static OfflineClassifier withVectorCache(ExemplarFile exemplars, EmbeddingModel model, Path cacheFile) {
        OfflineClassifier c = new OfflineClassifier(exemplars, () -> model);
        c.index = ExemplarIndex.buildCached(model, exemplars, cacheFile);
        return c;
    }

    /** Loads the model (once) and embeds the exemplars; safe to call from a background thread. */
    public void warmUp() {
        index();
    }

    public int exemplarCount() {
        return exemplars.exemplars().size();
    }

    @Override
    public Classification classify(String text) {
        if (text == null || text.isBlank()) {
            return new Classification(Intent.OTHER, null, null, 1.0);
        }
        Optional<Intent> command = SlashCommands.intentOf(text);
        if (command.isPresent()) {
            return new Classification(command.get(), null, null, 1.0);
        }
        String t = NluText.normalize(text);
        if (NluText.isEmpty(t)) {
            return new Classification(Intent.OTHER, null, null, 1.0);
        }
        Classification cached = cache.get(t);
        if (cached != null) {
            return cached;
        }
        Classification c = decide(t);
        cache.put(t, c);
        return c;
    }

    private Classification decide(String t) {
        ExemplarIndex idx = index();
        double[] sims = idx.similarities(ExemplarIndex.unit(model.get().embed(t).content().vector()));
        Map<Intent, Double> intentScores = idx.intentScores(sims);
        Optional<Intent> ruled = IntentRules.intentOf(t);
        Intent intent;
        double confidence;
        if (ruled.isPresent()) {
            intent = ruled.get();
            confidence = 0.7 + 0.3 * share(intentScores, intent);
        } else {
            Intent nearest = best(intentScores);
            double score = intentScores.getOrDefault(nearest, 0.0);
            if (score < exemplars.minSimilarity()) {
                intent = Intent.OTHER;
                confidence = 0.5;
            } else {
                intent = nearest;
                confidence = 0.8 * share(intentScores, nearest);
            }
        }
        if (intent != Intent.FAULT_REPORT) {
            return new Classification(intent, null, null, round(confidence));
        }
        Map<Area, Double> areaScores = idx.areaScores(sims);
        Optional<Area> namedArea = AreaRules.areaOf(t);
        Area area = namedArea.orElseGet(() -> best(areaScores));
        Scope scope = Scope.of(t);
        Severity severity = SeverityRules.severityOf(t, area, scope);
        if (severity == Severity.I) {
            area = Area.SYSTEM;
        } else if (namedArea.isEmpty()) {
            confidence *= 0.6 + 0.4 * share(areaScores, area);
        }
        return new Classification(intent, severity, area, round(confidence));
    }

    private ExemplarIndex index() {
        ExemplarIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = ExemplarIndex.build(model.get(), exemplars);
                    index = i;
                }
            }
        }
        return i;
    }

    private static <L> L best(Map<L, Double> scores) {
        return scores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** The label's softmax share among all labels' scores. */
    private static <L> double share(Map<L, Double> scores, L label) {
        double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double sum = 0;
        double mine = 0;
        for (var e : scores.entrySet()) {
            double w = Math.exp((e.getValue() - max) / TEMPERATURE);
            sum += w;
            if (e.getKey().equals(label)) {
                mine = w;
            }
        }
        return sum == 0 ? 0 : mine / sum;
    }

    private static double round(double v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 1000) / 1000.0;
    }
}
