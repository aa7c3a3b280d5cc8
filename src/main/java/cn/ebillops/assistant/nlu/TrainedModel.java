package cn.ebillops.assistant.nlu;

import cn.ebillops.contract.Area;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Multinomial logistic regression (Tribuo) for the intent of every message and the area of a
 * fault, trained from the labelled messages over {@link MessageFeatures}. A fixed seed and a
 * fixed order make training reproducible: the same data gives the same model.
 */
final class TrainedModel {

    private static final LabelFactory LABELS = new LabelFactory();
    private static final long SEED = 20261204L;
    private static final int EPOCHS = 30;

    private final Model<Label> intents;
    private final Model<Label> areas;

    private TrainedModel(Model<Label> intents, Model<Label> areas) {
        this.intents = intents;
        this.areas = areas;
    }

    /** {@code normalised} and {@code vectors} are the rows' texts as the classifier reads them, in row order. */
    static TrainedModel train(List<Labelled> rows, List<String> normalised, List<float[]> vectors) {
        List<Example<Label>> intentRows = new ArrayList<>();
        List<Example<Label>> areaRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Labelled r = rows.get(i);
            intentRows.add(MessageFeatures.example(new Label(r.intent().name()), normalised.get(i), vectors.get(i)));
            if (r.intent() == Intent.FAULT_REPORT) {
                areaRows.add(MessageFeatures.example(new Label(r.area().name()), normalised.get(i), vectors.get(i)));
            }
        }
        return new TrainedModel(fit("intent", intentRows), fit("area", areaRows));
    }

    private static Model<Label> fit(String name, List<Example<Label>> rows) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(name, LABELS), LABELS);
        rows.forEach(data::add);
        var trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), EPOCHS, Integer.MAX_VALUE, 1, SEED);
        return trainer.train(data);
    }

    Map<Intent, Double> intentScores(String normalised, float[] vector) {
        return scores(intents, normalised, vector, Intent::valueOf, Intent.class);
    }

    Map<Area, Double> areaScores(String normalised, float[] vector) {
        return scores(areas, normalised, vector, Area::valueOf, Area.class);
    }

    private static <E extends Enum<E>> Map<E, Double> scores(Model<Label> model, String normalised, float[] vector,
                                                             Function<String, E> parse, Class<E> type) {
        Prediction<Label> p = model.predict(MessageFeatures.example(LabelFactory.UNKNOWN_LABEL, normalised, vector));
        Map<E, Double> out = new EnumMap<>(type);
        p.getOutputScores().forEach((name, label) -> out.put(parse.apply(name), label.getScore()));
        return out;
    }
}
