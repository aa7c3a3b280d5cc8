package cn.ebillops.assistant.nlu;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigException;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every labelled message the models learn from: the exemplars (bot-config/nlu/exemplars.yaml)
 * and the labelled sets under bot-config/nlu/training/*.tsv (text, intent, severity, area; "-"
 * where a column does not apply). A wrong label fails start with the file and line named.
 */
final class TrainingData {

    static final String DIR = "nlu/training";
    static final String EXEMPLAR_SET = "exemplars";

    private TrainingData() {
    }

    static List<Labelled> load(BotConfigFiles files, ExemplarFile exemplars) {
        List<Labelled> out = new ArrayList<>();
        for (Exemplar e : exemplars.exemplars()) {
            out.add(new Labelled(e.text(), e.intent(), e.severity(), e.area(), EXEMPLAR_SET));
        }
        for (Path file : files.list(DIR, ".tsv")) {
            out.addAll(readTsv(file));
        }
        return List.copyOf(out);
    }

    /** A labelled TSV file with a header line; the set is named after the file. */
    static List<Labelled> readTsv(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.tsv$", "");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("配置错误：无法读取 %s：%s".formatted(file, e.getMessage()), e);
        }
        List<Labelled> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                throw new ConfigException("配置错误 %s 第 %d 行：应有 4 列（文本、意图、级别、范围，用 Tab 分隔），实际 %d 列"
                        .formatted(file.getFileName(), i + 1, f.length));
            }
            try {
                Intent intent = Intent.valueOf(f[1].strip());
                boolean fault = intent == Intent.FAULT_REPORT;
                Severity severity = fault ? Severity.valueOf(f[2].strip()) : null;
                Area area = fault ? Area.valueOf(f[3].strip()) : null;
                out.add(new Labelled(f[0], intent, severity, area, name));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("配置错误 %s 第 %d 行：标签不认识（%s / %s / %s），允许的名称见 GUIDELINES"
                        .formatted(file.getFileName(), i + 1, f[1], f[2], f[3]), e);
            }
        }
        return out;
    }
}
