package cn.ebillops.llm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompts and templates loaded from the prompts/ folder by name, so operators can tune the
 * wording without a build. A missing or empty file is an error naming it; placeholders are
 * {@code {{name}}} and every one must be given.
 */
public class PromptLibrary {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9_]+)\\s*}}");

    private final Path dir;

    public PromptLibrary(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public String text(Prompt prompt) {
        Path file = dir.resolve(prompt.fileName());
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new IllegalStateException("提示词文件为空：prompts/" + prompt.fileName() + "（目录 " + dir + "）");
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("找不到提示词文件：prompts/" + prompt.fileName() + "（目录 " + dir + "）", e);
        }
    }

    public String render(Prompt prompt, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text(prompt));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("提示词 prompts/%s 的占位符 {{%s}} 没有值".formatted(prompt.fileName(), m.group(1)));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Fails naming the first missing prompt; called when the model is configured, at start. */
    public void requireAll() {
        for (Prompt p : Prompt.values()) {
            text(p);
        }
    }
}
