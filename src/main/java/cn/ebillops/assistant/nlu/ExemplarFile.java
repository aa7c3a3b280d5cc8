package cn.ebillops.assistant.nlu;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigException;
import cn.ebillops.config.ConfigNode;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hospital's exemplar file, validated: labels must be known names, severity and area are
 * required for faults and forbidden otherwise, and every intent needs at least one sentence. The
 * exemplars are training rows of the models, like the labelled sets under nlu/training/.
 */
record ExemplarFile(List<Exemplar> exemplars) {

    static final String FILE = "nlu/exemplars.yaml";

    static ExemplarFile load(BotConfigFiles files) {
        return from(files.read(FILE));
    }

    static ExemplarFile from(ConfigNode root) {
        List<ConfigNode> groups = root.children("exemplars");
        if (groups.isEmpty()) {
            throw root.error("exemplars", "(缺失)", "示例句分组列表（每组 intent + texts）");
        }
        List<Exemplar> out = new ArrayList<>();
        Map<String, Exemplar> seen = new HashMap<>();
        for (ConfigNode g : groups) {
            Intent intent = g.enumValue("intent", Intent.class);
            Severity severity = null;
            Area area = null;
            if (intent == Intent.FAULT_REPORT) {
                severity = g.enumValue("severity", Severity.class);
                area = g.enumValue("area", Area.class);
            } else {
                if (g.has("severity")) {
                    throw g.error("severity", g.raw().get("severity"), "不填（只有 FAULT_REPORT 分组有故障级别）");
                }
                if (g.has("area")) {
                    throw g.error("area", g.raw().get("area"), "不填（只有 FAULT_REPORT 分组有故障范围）");
                }
            }
            List<String> texts = g.strings("texts");
            if (texts.isEmpty()) {
                throw g.error("texts", "(缺失)", "至少一句示例");
            }
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                if (text.isBlank()) {
                    throw g.error("texts[" + i + "]", "", "非空文本");
                }
                Exemplar e = new Exemplar(text, intent, severity, area);
                Exemplar before = seen.putIfAbsent(NluText.normalize(text), e);
                if (before != null && !before.equals(e)) {
                    throw g.error("texts[" + i + "]", text, "每句只出现一次（这句已在别的分组里标为 "
                            + describe(before) + "）");
                }
                out.add(e);
            }
        }
        Set<Intent> missing = EnumSet.allOf(Intent.class);
        out.forEach(e -> missing.remove(e.intent()));
        if (!missing.isEmpty()) {
            throw new ConfigException("配置错误 bot-config/%s：以下意图没有任何示例句：%s（每个意图至少需要一句）"
                    .formatted(root.file(), missing.stream().map(Enum::name).collect(Collectors.joining("、"))));
        }
        return new ExemplarFile(List.copyOf(out));
    }

    private static String describe(Exemplar e) {
        return e.intent() == Intent.FAULT_REPORT
                ? "%s/%s/%s".formatted(e.intent(), e.severity(), e.area())
                : e.intent().name();
    }
}
