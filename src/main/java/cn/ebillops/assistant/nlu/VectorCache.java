package cn.ebillops.assistant.nlu;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unit-length sentence vectors of the training texts, kept in a file between starts (embedding
 * some two thousand messages takes seconds; reading them back, milliseconds). Keyed per text, so
 * a hospital adding one row re-embeds one row. A missing or damaged file is only a slower start.
 */
final class VectorCache {

    private static final Logger log = LoggerFactory.getLogger(VectorCache.class);
    private static final int BATCH = 64;

    private final EmbeddingModel model;
    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();

    VectorCache(EmbeddingModel model, Path file) {
        this.model = model;
        this.file = file;
        read();
    }

    /** Vectors of the texts, in order; embeds (and stores) only those not seen before. */
    List<float[]> vectorsOf(List<String> texts) {
        List<String> missing = new ArrayList<>(new LinkedHashSet<>(texts));
        missing.removeIf(t -> vectors.containsKey(key(t)));
        for (int i = 0; i < missing.size(); i += BATCH) {
            List<String> batch = missing.subList(i, Math.min(missing.size(), i + BATCH));
            var embeddings = model.embedAll(batch.stream().map(TextSegment::from).toList()).content();
            for (int j = 0; j < batch.size(); j++) {
                vectors.put(key(batch.get(j)), unit(embeddings.get(j).vector()));
            }
        }
        if (!missing.isEmpty()) {
            write();
        }
        return texts.stream().map(t -> vectors.get(key(t))).toList();
    }

    /** Scaled to unit length, so cosine similarity is a dot product and features share one scale. */
    static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        double norm = Math.sqrt(n);
        float[] out = java.util.Arrays.copyOf(v, v.length);
        if (norm > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] /= (float) norm;
            }
        }
        return out;
    }

    private String key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(model.getClass().getName().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int count = in.readInt();
            int dim = in.readInt();
            for (int i = 0; i < count; i++) {
                String k = in.readUTF();
                float[] v = new float[dim];
                for (int j = 0; j < dim; j++) {
                    v[j] = in.readFloat();
                }
                vectors.put(k, v);
            }
        } catch (IOException | RuntimeException e) {
            vectors.clear();
            log.warn("sentence vector cache {} unreadable ({}); embedding again", file, e.toString());
        }
    }

    private void write() {
        if (file == null) {
            return;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            // a temp file of its own: two classifiers training at once must not write into one file
            Path tmp = file.resolveSibling(file.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(vectors.size());
                out.writeInt(vectors.isEmpty() ? 0 : vectors.values().iterator().next().length);
                for (var e : vectors.entrySet()) {
                    out.writeUTF(e.getKey());
                    for (float x : e.getValue()) {
                        out.writeFloat(x);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("sentence vector cache {} not written ({}); the next start embeds again", file, e.toString());
        }
    }
}
