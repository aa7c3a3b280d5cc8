package cn.ebillops.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Parses one bot-config YAML file into a {@link ConfigNode} that knows the line of every key, so
 * an error can say "第 12 行". The file is composed into SnakeYAML's node tree (which carries the
 * marks) and constructed from that same tree, so values and lines cannot disagree.
 */
final class YamlFile {

    private static final int MAX_DEPTH = 64;

    private YamlFile() {
    }

    static ConfigNode parse(String name, InputStream in, ConfigProblems problems) {
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.report(ConfigProblem.inFile(name, 0, "无法读取：" + e.getMessage()));
            return empty(name, problems.silenced());
        }
        text = EnvPlaceholders.fill(name, text, System.getenv(), problems::report);
        // SafeConstructor: configuration must never instantiate arbitrary classes.
        Constructor constructor = new Constructor();
        try {
            Node root = new Yaml(constructor).compose(new StringReader(text));
            if (root == null) {
                return empty(name, problems);
            }
            Object value = constructor.construct(root);
            if (!(value instanceof Map<?, ?> map)) {
                problems.report(ConfigProblem.inFile(name, line(root), "文件顶层必须是映射（键: 值）"));
                return empty(name, problems.silenced());
            }
            Map<String, Integer> lines = new HashMap<>();
            index(root, "", lines, 0);
            return new ConfigNode(new ConfigSource(name, lines), problems, "", "", ConfigNode.asStringMap(map));
        } catch (MarkedYAMLException e) {
            problems.report(YamlSyntax.problem(name, e, text));
        } catch (YAMLException e) {
            problems.report(ConfigProblem.inFile(name, 0, "YAML 格式错误，无法读取此文件"));
        }
        return empty(name, problems.silenced());
    }

    private static ConfigNode empty(String name, ConfigProblems problems) {
        return new ConfigNode(new ConfigSource(name, Map.of()), problems, "", "", Map.of());
    }

    /** Line of each key path as ConfigNode spells it by index: "people[3].role" → 27. */
    private static void index(Node node, String path, Map<String, Integer> lines, int depth) {
        lines.putIfAbsent(path, line(node));
        if (depth > MAX_DEPTH) {
            return; // aliases may nest without end; lines this deep are not worth the walk
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key) {
                    String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    lines.putIfAbsent(child, line(t.getKeyNode()));
                    index(t.getValueNode(), child, lines, depth + 1);
                }
            }
        } else if (node instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                index(seq.getValue().get(i), path + "[" + i + "]", lines, depth + 1);
            }
        }
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static final class Constructor extends SafeConstructor {

        Constructor() {
            super(options());
        }

        private static LoaderOptions options() {
            LoaderOptions options = new LoaderOptions();
            // a key written twice is a mistake (the second silently won before), not a choice
            options.setAllowDuplicateKeys(false);
            return options;
        }

        Object construct(Node node) {
            return constructDocument(node);
        }
    }
}
