package cn.ebillops.knowledge;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigException;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The how-to entries of bot-config/knowledge, searchable by meaning. Files are parsed (and
 * validated) at construction; the embedding index is built once, on the first search or by
 * {@link #warmUp()}. Each entry is indexed several times (title, every keyword, title with
 * summary) and scores as its best segment, so short questions like "怎么冲红" find it.
 */
public class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);
    /** Added when the question literally contains one of the entry's keywords (or its title). */
    static final double KEYWORD_BONUS = 0.05;
    private static final String ENTRY_KEY = "entry";

    private final List<KnowledgeEntry> entries;
    /** Always present but @Lazy: asked for only when the index is built, so start-up does not load it. */
    private final ObjectProvider<EmbeddingModel> embeddingModel;
    private final double threshold;
    private volatile Index index;

    public KnowledgeBase(List<KnowledgeEntry> entries, ObjectProvider<EmbeddingModel> embeddingModel, double threshold) {
        this.entries = List.copyOf(entries);
        this.embeddingModel = embeddingModel;
        this.threshold = threshold;
    }

    /** Reads every {@code *.md} under bot-config/knowledge; a malformed file fails start naming it. */
    public static List<KnowledgeEntry> load(BotConfigFiles files) {
        List<KnowledgeEntry> out = new ArrayList<>();
        for (Path file : files.list("knowledge", ".md")) {
            String name = file.getFileName().toString();
            try {
                out.add(KnowledgeEntryParser.parse(name, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new ConfigException("配置错误：无法读取 bot-config/knowledge/%s：%s".formatted(name, e.getMessage()), e);
            }
        }
        return out;
    }

    public List<KnowledgeEntry> entries() {
        return entries;
    }

    public double threshold() {
        return threshold;
    }

    public boolean indexed() {
        return index != null;
    }

    /** Builds the index now (called in the background after start). */
    public void warmUp() {
        index();
    }

    /** The entries best matching the question, best first, whatever their score. */
    public List<KnowledgeMatch> search(String question, int limit) {
        if (question == null || question.isBlank() || entries.isEmpty()) {
            return List.of();
        }
        Index idx = index();
        Embedding q = idx.model.embed(question).content();
        List<EmbeddingMatch<TextSegment>> hits = idx.store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(q).maxResults(Math.max(40, limit * 10)).minScore(0.0).build()).matches();
        Map<Integer, Double> best = new HashMap<>();
        for (EmbeddingMatch<TextSegment> hit : hits) {
            int entry = hit.embedded().metadata().getInteger(ENTRY_KEY);
            best.merge(entry, hit.score(), Math::max);
        }
        String normalized = question.toLowerCase(Locale.ROOT);
        return best.entrySet().stream()
                .map(e -> {
                    KnowledgeEntry entry = entries.get(e.getKey());
                    double bonus = mentions(normalized, entry) ? KEYWORD_BONUS : 0;
                    return new KnowledgeMatch(entry, Math.min(1.0, e.getValue() + bonus));
                })
                .sorted(Comparator.comparingDouble(KnowledgeMatch::score).reversed())
                .limit(limit)
                .toList();
    }

    /** The best entry when it matches at least the threshold; empty means "not known". */
    public Optional<KnowledgeMatch> answer(String question) {
        return search(question, 1).stream().filter(m -> m.score() >= threshold).findFirst();
    }

    private static boolean mentions(String question, KnowledgeEntry entry) {
        if (question.contains(entry.title().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return entry.keywords().stream()
                .filter(k -> k.length() >= 2)
                .anyMatch(k -> question.contains(k.toLowerCase(Locale.ROOT)));
    }

    private Index index() {
        Index idx = index;
        if (idx == null) {
            synchronized (this) {
                idx = index;
                if (idx == null) {
                    idx = build();
                    index = idx;
                }
            }
        }
        return idx;
    }

    private Index build() {
        long start = System.nanoTime();
        EmbeddingModel model = embeddingModel.getObject();
        List<TextSegment> segments = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            KnowledgeEntry e = entries.get(i);
            Metadata meta = new Metadata().put(ENTRY_KEY, i);
            segments.add(TextSegment.from(e.title(), meta));
            for (String k : e.keywords()) {
                segments.add(TextSegment.from(k, meta.copy()));
            }
            segments.add(TextSegment.from(e.title() + "：" + e.summary(), meta.copy()));
        }
        List<Embedding> vectors = model.embedAll(segments).content();
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        store.addAll(vectors, segments);
        log.info("knowledge base indexed: {} entries, {} segments in {} ms", entries.size(), segments.size(),
                (System.nanoTime() - start) / 1_000_000);
        return new Index(model, store);
    }

    private record Index(EmbeddingModel model, InMemoryEmbeddingStore<TextSegment> store) {
    }
}
