package cn.ebillops.assistant.nlu;

import cn.ebillops.config.BotConfigFiles;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * scripts/classify.sh: one UTF-8 message per stdin line → one JSON object per stdout line, in
 * order. Builds the classifier straight from bot-config, without Spring or the web server.
 * Usage: {@code java -cp ... cn.ebillops.assistant.nlu.ClassifyCli [config-dir]}.
 */
public final class ClassifyCli {

    private ClassifyCli() {
    }

    public static void main(String[] args) throws IOException {
        // Library logs (DJL, ONNX) must never mix into the JSON lines.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
        String dir = args.length > 0 ? args[0]
                : System.getenv().getOrDefault("EBILLOPS_CONFIG_DIR", "bot-config");
        EmbeddingModel model = new BgeSmallZhV15EmbeddingModel();
        Path cache = Path.of(System.getProperty("nlu.vector-cache", "target/nlu-vectors.bin"));
        OfflineClassifier classifier = OfflineClassifier.fromConfig(new BotConfigFiles(Path.of(dir)), () -> model, cache);
        JsonMapper json = JsonMapper.builder().build();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                Classification c = classifier.classify(text);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("text", text);
                row.put("intent", c.intent());
                row.put("severity", c.severity());
                row.put("area", c.area());
                row.put("confidence", c.confidence());
                row.put("normalized", c.normalized());
                out.println(json.writeValueAsString(row));
                out.flush();
            }
        }
        out.flush();
    }
}
