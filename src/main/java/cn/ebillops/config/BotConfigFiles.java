package cn.ebillops.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads files of the hospital's configuration directory (bot-config/). Each module reads its
 * own file through here; a missing or malformed file fails start with the file named.
 */
@Component
public class BotConfigFiles {

    private final Path dir;

    public BotConfigFiles(@Value("${ebillops.config-dir:bot-config}") Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    public Path resolve(String relative) {
        return dir.resolve(relative);
    }

    public boolean exists(String relative) {
        return Files.isRegularFile(resolve(relative));
    }

    /** The root mapping of a YAML file; fails when the file is missing. */
    public ConfigNode read(String relative) {
        Path file = resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("配置错误：找不到文件 bot-config/%s（配置目录 %s）".formatted(relative, dir));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(relative, in);
        } catch (IOException e) {
            throw new ConfigException("配置错误：无法读取 bot-config/%s：%s".formatted(relative, e.getMessage()), e);
        }
    }

    /** The root mapping of an optional YAML file; an empty node when absent. */
    public ConfigNode readOptional(String relative) {
        return exists(relative) ? read(relative) : new ConfigNode(relative, "", Map.of());
    }

    /** Files under a sub-directory matching a glob-like suffix, sorted by name. */
    public List<Path> list(String subdir, String suffix) {
        Path d = resolve(subdir);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException("配置错误：无法列出 bot-config/%s：%s".formatted(subdir, e.getMessage()), e);
        }
    }

    public static ConfigNode parse(String name, InputStream in) {
        // SafeConstructor: configuration must never instantiate arbitrary classes.
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try {
            Object root = yaml.load(in);
            if (root == null) {
                return new ConfigNode(name, "", Map.of());
            }
            if (!(root instanceof Map<?, ?> map)) {
                throw new ConfigException("配置错误 bot-config/%s：文件顶层必须是映射（键: 值）".formatted(name));
            }
            return new ConfigNode(name, "", ConfigNode.asStringMap(map));
        } catch (MarkedYAMLException e) {
            throw new ConfigException("配置错误 bot-config/%s 第 %d 行：YAML 格式错误：%s"
                    .formatted(name, e.getProblemMark().getLine() + 1, e.getProblem()), e);
        }
    }
}
