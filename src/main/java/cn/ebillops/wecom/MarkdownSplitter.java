package cn.ebillops.wecom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into parts of at most {@code maxBytes} UTF-8 bytes, never inside a character;
 * prefers to cut after a line break so markdown lines stay whole.
 */
final class MarkdownSplitter {

    private MarkdownSplitter() {
    }

    public static List<String> split(String text, int maxBytes) {
        if (maxBytes < 4) {
            throw new IllegalArgumentException("maxBytes must hold one character");
        }
        List<String> parts = new ArrayList<>();
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            parts.add(text);
            return parts;
        }
        int start = 0;
        while (start < text.length()) {
            int bytes = 0;
            int i = start;
            int lastBreak = -1;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                int len = utf8Length(cp);
                if (bytes + len > maxBytes) {
                    break;
                }
                bytes += len;
                i += Character.charCount(cp);
                if (cp == '\n') {
                    lastBreak = i;
                }
            }
            int end = i >= text.length() || lastBreak <= start ? i : lastBreak;
            parts.add(text.substring(start, end));
            start = end;
        }
        return parts;
    }

    static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
