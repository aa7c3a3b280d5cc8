package cn.ebillops.assistant.nlu;

import cn.ebillops.testsupport.TestBotConfig;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;

/** One real classifier (model loaded once, ~4 s) shared by the test classes that classify. */
public final class TestClassifiers {

    private static OfflineClassifier shared;

    private TestClassifiers() {
    }

    /** The shipped classifier, for tests of other packages that need real understanding, not a stub. */
    public static MessageClassifier real() {
        return shared();
    }

    static synchronized OfflineClassifier shared() {
        if (shared == null) {
            EmbeddingModel model = new BgeSmallZhV15EmbeddingModel();
            shared = OfflineClassifier.fromConfig(TestBotConfig.files(), () -> model, java.nio.file.Path.of("target/nlu-vectors.bin"));
            shared.warmUp();
        }
        return shared;
    }
}
