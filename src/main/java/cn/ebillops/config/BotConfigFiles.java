package cn.ebillops.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads files of the hospital's configuration directory (bot-config/). Each module reads its
 * own file through here. As a Spring bean it collects the problems of every file read while the
 * singletons are created and fails the start once, with all of them (ConfigFailureAnalyzer prints
 * them); after start, and when constructed by hand, the first problem is thrown at once.
 */
@Component
public class BotConfigFiles implements InitializingBean, SmartInitializingSingleton {

    private final Path dir;
    private final ConfigProblems problems;

    @Autowired
    public BotConfigFiles(@Value("${ebillops.config-dir:bot-config}") Path dir) {
        this(dir, ConfigProblems.strict());
    }

    private BotConfigFiles(Path dir, ConfigProblems problems) {
        this.dir = dir.toAbsolutePath().normalize();
        this.problems = problems;
    }

    /** For check-config: reads go on past problems; {@link #problems()} has them all. */
    static BotConfigFiles collecting(Path dir) {
        return new BotConfigFiles(dir, ConfigProblems.collecting());
    }

    List<ConfigProblem> problems() {
        return problems.found();
    }

    /** Spring created this bean: collect until every singleton has read its files. */
    @Override
    public void afterPropertiesSet() {
        problems.collect();
    }

    /** Every singleton has read its files: fail the start with all problems, then be strict (reloads). */
    @Override
    public void afterSingletonsInstantiated() {
        problems.beStrict();
        List<ConfigProblem> found = problems.found();
        problems.clear();
        if (!found.isEmpty()) {
            throw new ConfigException(found);
        }
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
            problems.report(ConfigProblem.inFile(relative, 0, "找不到此文件（配置目录 %s）".formatted(dir)));
            return new ConfigNode(new ConfigSource(relative, Map.of()), problems.silenced(), "", "", Map.of());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return YamlFile.parse(relative, in, problems);
        } catch (IOException e) {
            throw new ConfigException("配置错误：无法读取 bot-config/%s：%s".formatted(relative, e.getMessage()), e);
        }
    }

    /** The root mapping of an optional YAML file; an empty node when absent. */
    public ConfigNode readOptional(String relative) {
        return exists(relative) ? read(relative)
                : new ConfigNode(new ConfigSource(relative, Map.of()), problems, "", "", Map.of());
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

    /** A file outside the directory (defaults on the classpath, tests): strict, the first problem throws. */
    public static ConfigNode parse(String name, InputStream in) {
        return YamlFile.parse(name, in, ConfigProblems.strict());
    }
}
