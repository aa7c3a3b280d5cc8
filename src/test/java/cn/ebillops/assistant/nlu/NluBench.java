package cn.ebillops.assistant.nlu;

import cn.ebillops.testsupport.TestBotConfig;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Classifier throughput and latency for scripts/bench-nlu.sh (not a unit test): the dev and
 * hold-out texts, answer cache disabled so every call embeds the message.
 * Args: [classifications, default 2000].
 */
public final class NluBench {

    private NluBench() {
    }

    public static void main(String[] args) throws Exception {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<String> texts = new ArrayList<>();
        for (String set : List.of("dev-set", "holdout")) {
            ClassifierAccuracyTest.read(set).forEach(r -> texts.add(r.text()));
        }
        long t0 = System.nanoTime();
        EmbeddingModel model = new BgeSmallZhV15EmbeddingModel();
        OfflineClassifier classifier = OfflineClassifier.trainedOn(
                TrainingData.load(TestBotConfig.files(), ExemplarFile.load(TestBotConfig.files())),
                Normaliser.load(TestBotConfig.files()), () -> model,
                () -> new VectorCache(model, java.nio.file.Path.of("target/nlu-vectors.bin")),
                OfflineClassifier.Stages.DEFAULT, 0);
        classifier.warmUp();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        for (int i = 0; i < 300; i++) {
            classifier.classify(texts.get(i % texts.size()));
        }
        long[] nanos = new long[total];
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long s = System.nanoTime();
            classifier.classify(texts.get(i % texts.size()));
            nanos[i] = System.nanoTime() - s;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf("模型加载 + 训练（含训练句向量化，有缓存时读缓存）：%d ms%n", loadMs);
        System.out.printf("分类 %d 次（%d 条不同消息，无缓存）：%.1f 条/秒%n", total, texts.size(), total / seconds);
        System.out.printf("延迟 p50 %.2f ms，p99 %.2f ms，最大 %.2f ms%n",
                nanos[total / 2] / 1e6, nanos[(int) (total * 0.99)] / 1e6, nanos[total - 1] / 1e6);
    }
}
