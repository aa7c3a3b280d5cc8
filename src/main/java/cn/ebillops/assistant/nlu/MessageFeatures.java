package cn.ebillops.assistant.nlu;

import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * What the models see of a message: its sentence embedding (meaning, robust to wording) and its
 * character bigrams and trigrams (the exact cue words — 的话, 怎么, 全院 — that an embedding blurs).
 * The n-grams are scaled to unit length so a long message does not outweigh its meaning.
 */
final class MessageFeatures {

    /** Embedding components of a unit vector are small (~0.04); this puts both parts on one scale. */
    static final double EMBEDDING_WEIGHT = 4.0;

    private MessageFeatures() {
    }

    static Example<Label> example(Label label, String normalised, float[] unitVector) {
        Map<String, Double> f = new TreeMap<>();
        for (int i = 0; i < unitVector.length; i++) {
            f.put("e" + i, EMBEDDING_WEIGHT * unitVector[i]);
        }
        String bare = NluText.withoutPunctuation(normalised);
        Map<String, Integer> grams = new TreeMap<>();
        for (int n = 2; n <= 3; n++) {
            for (int i = 0; i + n <= bare.length(); i++) {
                grams.merge("g" + bare.substring(i, i + n), 1, Integer::sum);
            }
        }
        double norm = Math.sqrt(grams.values().stream().mapToDouble(c -> c * c).sum());
        grams.forEach((g, c) -> f.put(g, c / norm));
        String[] names = f.keySet().toArray(String[]::new);
        double[] values = f.values().stream().mapToDouble(Double::doubleValue).toArray();
        return new ArrayExample<>(label, names, values);
    }
}
