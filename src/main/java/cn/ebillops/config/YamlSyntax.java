package cn.ebillops.config;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * SnakeYAML's syntax errors in Chinese, at the line a person would point at: usually the
 * problem mark (where the parser gave up), but for a quote or bracket left open that is the end
 * of the file, so there the line where it was opened (the context mark).
 */
final class YamlSyntax {

    private YamlSyntax() {
    }

    static ConfigProblem problem(String file, MarkedYAMLException e, String text) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String what;
        int unclosed = at == null ? -1 : unclosedQuote(text, at.getLine());
        if (problem.contains("TAB") || problem.contains("\t")) {
            what = "这里有 Tab 字符，YAML 的缩进只能用空格";
        } else if (unclosed >= 0) {
            // a quote left open runs on until the next quote lines below, where the parser gives up
            return ConfigProblem.inFile(file, unclosed + 1, "YAML 格式错误：这一行的引号没有闭合（值里的引号要成对）");
        } else if (context.contains("quoted scalar")) {
            at = opened(e, at);
            what = "这一行开始的引号没有闭合（值里的引号要成对）";
        } else if (context.contains("flow sequence") || context.contains("flow mapping")) {
            at = opened(e, at);
            what = "这一行开始的方括号 [ ] 或花括号 { } 没有闭合";
        } else if (problem.contains("duplicate key")) {
            what = "键重复：同一层里同一个键只能写一次";
        } else if (problem.contains("mapping values are not allowed")) {
            what = "这里不能出现“键: 值”：多半是这一行缩进不对，或值里的冒号没有加引号";
        } else if (problem.contains("expected <block end>") || context.contains("block mapping")
                || context.contains("block collection")) {
            what = "缩进不对：这一行与同一层的其他键没有对齐";
        } else if (problem.contains("could not find expected ':'")) {
            at = opened(e, at); // the parser notices on the next line; the key without colon is above
            what = "缺少冒号：应写成“键: 值”（冒号后有空格）";
        } else if (problem.contains("cannot start any token")) {
            what = "这一行有 YAML 不认识的字符（如行首的 @ 或 `），含这些字符的值请加引号";
        } else {
            what = "YAML 写法不对";
        }
        int line = at == null ? 0 : at.getLine() + 1;
        String column = at == null ? "" : "（第 " + (at.getColumn() + 1) + " 列）";
        return ConfigProblem.inFile(file, line, "YAML 格式错误：" + what + column);
    }

    /** The first line up to {@code lastLine} (0-based) with an odd number of double quotes, or -1. */
    static int unclosedQuote(String text, int lastLine) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i <= lastLine && i < lines.length; i++) {
            String line = lines[i].stripLeading();
            if (line.startsWith("#")) {
                continue;
            }
            int quotes = 0;
            for (int c = 0; c < line.length(); c++) {
                if (line.charAt(c) == '"' && (c == 0 || line.charAt(c - 1) != '\\')) {
                    quotes++;
                } else if (line.charAt(c) == '#' && quotes % 2 == 0 && c > 0 && line.charAt(c - 1) == ' ') {
                    break; // a comment; its quotes do not count
                }
            }
            if (quotes % 2 == 1) {
                return i;
            }
        }
        return -1;
    }

    private static Mark opened(MarkedYAMLException e, Mark fallback) {
        return e.getContextMark() != null ? e.getContextMark() : fallback;
    }
}
