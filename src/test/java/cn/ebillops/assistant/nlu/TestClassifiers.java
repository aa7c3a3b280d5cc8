package cn.ebillops.assistant.nlu;

import cn.ebillops.testsupport.TestBotConfig;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;

/** One real classifier (model loaded once, ~4 s) shared by all test classes of this package. */
final class TestClassifiers {

    private static OfflineClassifier shared;

    private TestClassifiers() {
    }

    static synchronized OfflineClassifier shared() {
        if (shared == null) {
            EmbeddingModel model = new BgeSmallZhV15EmbeddingModel();
            shared = new OfflineClassifier(ExemplarFile.load(TestBotConfig.files()), () -> model);
            shared.warmUp();
        }
        return shared;
    }
}
