package cn.ebillops.assistant.nlu;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Offline understanding without network or language model, in stages: slash commands by name;
 * normalisation (dialect, voice fillers, pinyin typos; {@link Normaliser}); then trained models
 * (multinomial logistic regression over the sentence embedding and character n-grams,
 * {@link TrainedModel}) decide the intent and the area; the contract's rules decide what a model
 * cannot learn reliably from few rows: the fault level from scope and outage words, with any doubt
 * between I and II resolved to I ({@link SeverityRules}).
 */
final class OfflineClassifier implements MessageClassifier {

    static final int DEFAULT_CACHE_SIZE = 2048;
    /** A rule's reading overrides the model's scores, so they say nothing about it. */
    static final double RULE_CONFIDENCE = 0.8;

    /**
     * Whether the guidelines' named-cause rule for the area ({@link AreaRules}) runs before the area
     * model, and whether their edge cases ({@link NotAReport}) run after the intent model; switchable so
     * scripts/eval-nlu.sh can measure the models alone.
     */
    record Stages(boolean areaRules, boolean edgeCases) {
        static final Stages DEFAULT = new Stages(true, true);
    }

    private final Normaliser normaliser;
    private final Supplier<EmbeddingModel> embeddings;
    private final Supplier<TrainedModel> training;
    private final Stages stages;
    private volatile TrainedModel model;
    /** Recent answers by normalised text: chat repeats itself ("开票失败", "好了吗"). */
    private final Map<String, Classification> cache;

    OfflineClassifier(Normaliser normaliser, Supplier<EmbeddingModel> embeddings, Supplier<TrainedModel> training,
                      Stages stages, int cacheSize) {
        this.normaliser = normaliser;
        this.embeddings = embeddings;
        this.training = training;
        this.stages = stages;
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Classification> eldest) {
                return size() > cacheSize;
            }
        });
    }

    /**
     * The shipped classifier: normalisation data, exemplars and labelled sets from the configuration
     * directory; sentence vectors of the training rows kept in {@code vectorFile} between starts.
     */
    static OfflineClassifier fromConfig(BotConfigFiles files, Supplier<EmbeddingModel> embeddings, Path vectorFile) {
        List<Labelled> rows = TrainingData.load(files, ExemplarFile.load(files));
        return trainedOn(rows, Normaliser.load(files), embeddings, () -> new VectorCache(embeddings.get(), vectorFile),
                Stages.DEFAULT, DEFAULT_CACHE_SIZE);
    }

    /** Trains on {@code rows} at first use (or {@link #warmUp}); vectors of the rows come from {@code vectors}. */
    static OfflineClassifier trainedOn(List<Labelled> rows, Normaliser normaliser, Supplier<EmbeddingModel> embeddings,
                                       Supplier<VectorCache> vectors, Stages stages, int cacheSize) {
        Supplier<TrainedModel> training = () -> {
            // rows the classifier answers before any model (slash commands, only emoji) teach it nothing
            List<Labelled> used = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (Labelled r : rows) {
                String t = normaliser.normalise(r.text());
                if (SlashCommand.intentOf(r.text()).isEmpty() && !NluText.isEmpty(t)) {
                    used.add(r);
                    texts.add(t);
                }
            }
            return TrainedModel.train(used, texts, vectors.get().vectorsOf(texts));
        };
        return new OfflineClassifier(normaliser, embeddings, training, stages, cacheSize);
    }

    /** Loads the embedding model (once) and trains; safe to call from a background thread. */
    public void warmUp() {
        model();
    }

    @Override
    public Classification classify(String text) {
        if (text == null || text.isBlank()) {
            return new Classification(Intent.OTHER, null, null, 1.0);
        }
        Optional<Intent> command = SlashCommand.intentOf(text);
        if (command.isPresent()) {
            return new Classification(command.get(), null, null, 1.0);
        }
        String t = normaliser.normalise(text);
        if (NluText.isEmpty(t)) {
            return new Classification(Intent.OTHER, null, null, 1.0, t);
        }
        Classification cached = cache.get(t);
        if (cached != null) {
            return cached;
        }
        Classification c = decide(t).withNormalized(t);
        cache.put(t, c);
        return c;
    }

    private Classification decide(String t) {
        // a request to the assistant quotes fault words but reports nothing (GUIDELINES, instructions)
        if (AssistantRequests.of(t).isPresent()) {
            return new Classification(Intent.OTHER, null, null, 1.0);
        }
        TrainedModel m = model();
        float[] vector = VectorCache.unit(embeddings.get().embed(t).content().vector());
        Map<Intent, Double> intentScores = m.intentScores(t, vector);
        Intent intent = best(intentScores);
        Optional<Intent> instead = stages.edgeCases() ? NotAReport.intentInstead(t, intent) : Optional.empty();
        if (instead.isPresent()) {
            return new Classification(instead.get(), null, null, RULE_CONFIDENCE);
        }
        if (intent != Intent.FAULT_REPORT && stages.edgeCases() && NotAReport.saysNow(t)
                && SeverityRules.wholeHospitalCannotWork(t)) {
            // safety asymmetry: "昨天修好的那个，今天全院又登不上了" reads like a follow-up but is a level-I outage now
            return asFault(t, m, vector, RULE_CONFIDENCE);
        }
        double confidence = intentScores.get(intent);
        if (intent != Intent.FAULT_REPORT) {
            return new Classification(intent, null, null, round(confidence));
        }
        return asFault(t, m, vector, confidence);
    }

    @Override
    public Classification classifyAsFault(String text) {
        String t = normaliser.normalise(text == null ? "" : text);
        float[] vector = VectorCache.unit(embeddings.get().embed(NluText.isEmpty(t) ? "故障" : t).content().vector());
        TrainedModel m = model();
        return asFault(t, m, vector, m.intentScores(t, vector).get(Intent.FAULT_REPORT)).withNormalized(t);
    }

    private Classification asFault(String t, TrainedModel m, float[] vector, double faultScore) {
        double confidence = faultScore;
        Map<Area, Double> areaScores = m.areaScores(t, vector);
        Optional<Area> namedArea = stages.areaRules() ? AreaRules.areaOf(t) : Optional.empty();
        Area area = namedArea.orElseGet(() -> best(areaScores));
        Severity severity = SeverityRules.severityOf(t, area, Scope.of(t));
        if (severity == Severity.I) {
            area = Area.SYSTEM;
        } else if (namedArea.isEmpty()) {
            confidence *= areaScores.getOrDefault(area, 0.0);
        }
        return new Classification(Intent.FAULT_REPORT, severity, area, round(confidence));
    }

    private TrainedModel model() {
        TrainedModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = training.get();
                    model = m;
                }
            }
        }
        return m;
    }

    private static <L> L best(Map<L, Double> scores) {
        return scores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static double round(double v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 1000) / 1000.0;
    }
}
