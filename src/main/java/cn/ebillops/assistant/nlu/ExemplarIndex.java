package cn.ebillops.assistant.nlu;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The exemplars embedded once, unit-normalised so cosine similarity is a dot product. Scores a
 * label by the mean similarity of its k nearest exemplars (k-nearest-neighbour per label), which
 * is less sensitive to one odd sentence than a plain nearest neighbour.
 */
final class ExemplarIndex {

    private final List<Exemplar> exemplars;
    private final float[][] vectors;
    private final int k;

    private ExemplarIndex(List<Exemplar> exemplars, float[][] vectors, int k) {
        this.exemplars = exemplars;
        this.vectors = vectors;
        this.k = k;
    }

    static ExemplarIndex build(EmbeddingModel model, ExemplarFile file) {
        List<TextSegment> segments = file.exemplars().stream().map(e -> TextSegment.from(e.text())).toList();
        var embeddings = model.embedAll(segments).content();
        float[][] vectors = new float[embeddings.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = unit(embeddings.get(i).vector());
        }
        return new ExemplarIndex(file.exemplars(), vectors, file.k());
    }

    /**
     * Like {@link #build} but reuses vectors stored in {@code cacheFile} when they were made from
     * exactly these exemplar texts by the same model (the command-line tool starts cold each time).
     */
    static ExemplarIndex buildCached(EmbeddingModel model, ExemplarFile file, Path cacheFile) {
        String key = fingerprint(model, file);
        float[][] cached = readCache(cacheFile, key, file.exemplars().size());
        if (cached != null) {
            return new ExemplarIndex(file.exemplars(), cached, file.k());
        }
        ExemplarIndex built = build(model, file);
        writeCache(cacheFile, key, built.vectors);
        return built;
    }

    private static String fingerprint(EmbeddingModel model, ExemplarFile file) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(model.getClass().getName().getBytes(StandardCharsets.UTF_8));
            for (Exemplar e : file.exemplars()) {
                sha.update((byte) 0);
                sha.update(e.text().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[][] readCache(Path file, String key, int count) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            if (!in.readUTF().equals(key) || in.readInt() != count) {
                return null;
            }
            int dim = in.readInt();
            float[][] v = new float[count][dim];
            for (float[] row : v) {
                for (int j = 0; j < dim; j++) {
                    row[j] = in.readFloat();
                }
            }
            return v;
        } catch (IOException e) {
            return null; // a damaged cache is only a slower start
        }
    }

    private static void writeCache(Path file, String key, float[][] vectors) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream raw = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
                out.writeUTF(key);
                out.writeInt(vectors.length);
                out.writeInt(vectors.length == 0 ? 0 : vectors[0].length);
                for (float[] row : vectors) {
                    for (float x : row) {
                        out.writeFloat(x);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // not fatal: the next start embeds the exemplars again
        }
    }

    static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        double norm = Math.sqrt(n);
        float[] out = Arrays.copyOf(v, v.length);
        if (norm > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] /= (float) norm;
            }
        }
        return out;
    }

    /** Similarity of the query to every exemplar, in exemplar order. */
    double[] similarities(float[] unitQuery) {
        double[] s = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            double dot = 0;
            float[] v = vectors[i];
            for (int j = 0; j < v.length; j++) {
                dot += v[j] * unitQuery[j];
            }
            s[i] = dot;
        }
        return s;
    }

    Map<Intent, Double> intentScores(double[] sims) {
        Map<Intent, double[]> top = new EnumMap<>(Intent.class);
        for (int i = 0; i < sims.length; i++) {
            offer(top.computeIfAbsent(exemplars.get(i).intent(), x -> newTop()), sims[i]);
        }
        Map<Intent, Double> out = new EnumMap<>(Intent.class);
        top.forEach((label, t) -> out.put(label, mean(t)));
        return out;
    }

    Map<Area, Double> areaScores(double[] sims) {
        Map<Area, double[]> top = new EnumMap<>(Area.class);
        for (int i = 0; i < sims.length; i++) {
            Exemplar e = exemplars.get(i);
            if (e.area() != null) {
                offer(top.computeIfAbsent(e.area(), x -> newTop()), sims[i]);
            }
        }
        Map<Area, Double> out = new EnumMap<>(Area.class);
        top.forEach((label, t) -> out.put(label, mean(t)));
        return out;
    }

    int size() {
        return exemplars.size();
    }

    private double[] newTop() {
        double[] t = new double[k];
        Arrays.fill(t, Double.NaN);
        return t;
    }

    /** Keeps the k largest values, descending. */
    private static void offer(double[] top, double v) {
        for (int i = 0; i < top.length; i++) {
            if (Double.isNaN(top[i]) || v > top[i]) {
                System.arraycopy(top, i, top, i + 1, top.length - i - 1);
                top[i] = v;
                return;
            }
        }
    }

    private static double mean(double[] top) {
        double sum = 0;
        int n = 0;
        for (double v : top) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
