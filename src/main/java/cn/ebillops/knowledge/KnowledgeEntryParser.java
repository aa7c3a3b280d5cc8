package cn.ebillops.knowledge;

import cn.ebillops.config.ConfigException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses one knowledge file: a first line {@code # 标题}, a line {@code 关键词：a, b, c}, then
 * the Markdown body. Errors name the file and what is expected, like every bot-config error.
 */
final class KnowledgeEntryParser {

    private static final Pattern KEYWORD_SPLIT = Pattern.compile("[,，、;；]");

    private KnowledgeEntryParser() {
    }

    static KnowledgeEntry parse(String fileName, String text) {
        String where = "bot-config/knowledge/" + fileName;
        List<String> lines = text.replace("\r\n", "\n").lines().toList();
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i >= lines.size() || !lines.get(i).startsWith("# ")) {
            throw new ConfigException("配置错误 %s：第一行必须是标题，如“# 电子票据冲红”".formatted(where));
        }
        String title = lines.get(i).substring(2).strip();
        i++;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        String keywordLine = i < lines.size() ? lines.get(i).strip() : "";
        if (!keywordLine.startsWith("关键词：") && !keywordLine.startsWith("关键词:")) {
            throw new ConfigException("配置错误 %s：标题下一行必须是“关键词：词1, 词2, …”（同义说法、别名）".formatted(where));
        }
        List<String> keywords = Arrays.stream(KEYWORD_SPLIT.split(keywordLine.substring(4)))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (keywords.isEmpty()) {
            throw new ConfigException("配置错误 %s：关键词不能为空".formatted(where));
        }
        String body = String.join("\n", lines.subList(i + 1, lines.size())).strip();
        if (body.isEmpty()) {
            throw new ConfigException("配置错误 %s：缺少正文（操作步骤）".formatted(where));
        }
        String id = fileName.endsWith(".md") ? fileName.substring(0, fileName.length() - 3) : fileName;
        return new KnowledgeEntry(id, title, keywords, body);
    }
}
