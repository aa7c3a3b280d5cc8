package cn.ebillops.assistant.nlu;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.contract.Severity;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * scripts/eval-nlu.sh: honest figures for the classifier. Leave-one-set-out cross-validation
 * over every labelled set the models learn from (each set is predicted by a model trained on all
 * the others), then the unseen sets (never trained on) by a model trained on everything.
 * Usage: {@code java -cp ... cn.ebillops.assistant.nlu.NluEvaluation config-dir [unseen-dir]}.
 */
public final class NluEvaluation {

    private final Normaliser normaliser;
    private final EmbeddingModel model;
    private final VectorCache vectors;
    private final PrintStream out;

    private NluEvaluation(Normaliser normaliser, EmbeddingModel model, VectorCache vectors, PrintStream out) {
        this.normaliser = normaliser;
        this.model = model;
        this.vectors = vectors;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err); // library chatter never mixes into the figures
        BotConfigFiles files = new BotConfigFiles(Path.of(args.length > 0 ? args[0] : "bot-config"));
        EmbeddingModel model = new BgeSmallZhV15EmbeddingModel();
        NluEvaluation eval = new NluEvaluation(Normaliser.load(files), model,
                new VectorCache(model, Path.of(System.getProperty("nlu.vector-cache", "target/nlu-vectors.bin"))), out);
        List<Labelled> rows = TrainingData.load(files, ExemplarFile.load(files));
        OfflineClassifier.Stages stages = new OfflineClassifier.Stages(!Boolean.getBoolean("nlu.no-area-rules"),
                !Boolean.getBoolean("nlu.no-edge-cases"));
        out.printf("area rule %s; %d labelled messages in %d sets%n%n", stages.areaRules() ? "on" : "off", rows.size(),
                rows.stream().map(Labelled::set).distinct().count());
        eval.leaveOneSetOut(rows, stages);
        if (args.length > 1) {
            eval.unseen(rows, Path.of(args[1]), stages);
        }
    }

    private void leaveOneSetOut(List<Labelled> rows, OfflineClassifier.Stages stages) {
        out.println("== leave-one-set-out cross-validation (each set predicted by a model trained without it) ==");
        Tally total = new Tally("all");
        for (String set : new LinkedHashSet<>(rows.stream().map(Labelled::set).toList())) {
            List<Labelled> train = rows.stream().filter(r -> !r.set().equals(set)).toList();
            List<Labelled> test = rows.stream().filter(r -> r.set().equals(set)).toList();
            Tally t = score(set, classifier(train, stages), test);
            out.println(t.line());
            t.errors.forEach(out::println);
            total.add(t);
        }
        out.println(total.line());
        out.println(total.perLabel());
    }

    private void unseen(List<Labelled> rows, Path dir, OfflineClassifier.Stages stages) throws IOException {
        out.println("== unseen sets (never trained on; model trained on all " + rows.size() + " messages) ==");
        OfflineClassifier all = classifier(rows, stages);
        Tally total = new Tally("all unseen");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                Tally t = score(file.getFileName().toString(), all, TrainingData.readTsv(file));
                out.println(t.line());
                t.errors.forEach(out::println);
                total.add(t);
            }
        }
        out.println(total.line());
        out.println(total.perLabel());
    }

    private OfflineClassifier classifier(List<Labelled> train, OfflineClassifier.Stages stages) {
        return OfflineClassifier.trainedOn(train, normaliser, () -> model, () -> vectors, stages, 0);
    }

    private static Tally score(String name, OfflineClassifier classifier, List<Labelled> test) {
        Tally t = new Tally(name);
        for (Labelled r : test) {
            t.count(r, classifier.classify(r.text()));
        }
        return t;
    }

    /** Counts of one evaluation; per-label counts are [correct, total]. */
    private static final class Tally {
        final String name;
        int messages;
        int intents;
        int faults;
        int severities;
        int areas;
        int levelI;
        int levelIMissed;
        int falseFaults;
        int howToFaults;
        final Map<String, int[]> perLabel = new TreeMap<>();
        final List<String> errors = new ArrayList<>();

        Tally(String name) {
            this.name = name;
        }

        void count(Labelled r, Classification c) {
            messages++;
            boolean intentOk = c.intent() == r.intent();
            intents += intentOk ? 1 : 0;
            label("intent " + r.intent(), intentOk);
            boolean ok = intentOk;
            if (r.intent() == Intent.FAULT_REPORT) {
                faults++;
                boolean sevOk = c.severity() == r.severity();
                boolean areaOk = c.area() == r.area();
                severities += sevOk ? 1 : 0;
                areas += areaOk ? 1 : 0;
                label("severity " + r.severity(), sevOk);
                label("area " + r.area(), areaOk);
                ok &= sevOk && areaOk;
                if (r.severity() == Severity.I) {
                    levelI++;
                    levelIMissed += c.severity() == Severity.I ? 0 : 1;
                }
            } else if (c.intent() == Intent.FAULT_REPORT) {
                falseFaults++;
                howToFaults += r.intent() == Intent.CONSULTATION ? 1 : 0;
            }
            if (!ok) {
                errors.add("  %s/%s/%s → %s/%s/%s  %s  [%s]".formatted(r.intent(), dash(r.severity()), dash(r.area()),
                        c.intent(), dash(c.severity()), dash(c.area()), r.text(), c.normalized()));
            }
        }

        private void label(String key, boolean ok) {
            int[] c = perLabel.computeIfAbsent(key, k -> new int[2]);
            c[0] += ok ? 1 : 0;
            c[1]++;
        }

        void add(Tally t) {
            messages += t.messages;
            intents += t.intents;
            faults += t.faults;
            severities += t.severities;
            areas += t.areas;
            levelI += t.levelI;
            levelIMissed += t.levelIMissed;
            falseFaults += t.falseFaults;
            howToFaults += t.howToFaults;
            t.perLabel.forEach((k, v) -> {
                int[] c = perLabel.computeIfAbsent(k, x -> new int[2]);
                c[0] += v[0];
                c[1] += v[1];
            });
        }

        String line() {
            return "%-28s %4d msgs  intent %5.1f %%  severity %5.1f %%  area %5.1f %%  level I read lower %d/%d  non-faults read as faults %d (how-to %d)"
                    .formatted(name, messages, pct(intents, messages), pct(severities, faults), pct(areas, faults),
                            levelIMissed, levelI, falseFaults, howToFaults);
        }

        String perLabel() {
            StringBuilder b = new StringBuilder("per label (recall):\n");
            perLabel.forEach((k, v) -> b.append("  %-28s %5.1f %%  (%d/%d)%n".formatted(k, pct(v[0], v[1]), v[0], v[1])));
            return b.toString();
        }

        private static double pct(int a, int b) {
            return b == 0 ? 100 : 100.0 * a / b;
        }

        private static String dash(Object o) {
            return o == null ? "-" : o.toString();
        }
    }
}
