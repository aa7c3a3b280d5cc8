package cn.ebillops.config;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * scripts/check-config.sh: checks a bot-config directory and the environment without starting
 * the server, and prints every problem in Chinese, one per line (or one line saying all is well).
 * Exit 0 when the configuration is good, 1 when it has problems, 2 for a usage error.
 * This module knows hospital.yaml only; the files other modules own are checked by the
 * {@link FileCheck}s the caller passes (cn.ebillops.BotConfigCheck, the script's main class),
 * since config may not depend on those modules.
 */
public final class ConfigCheck {

    static final int OK = 0;
    static final int PROBLEMS = 1;
    static final int USAGE = 2;

    /**
     * One module's loader run over the files it owns, as at start. Problems go to the files'
     * collector; a loader that cannot go on throws, and the next loader still runs.
     *
     * @param file what the loader reads, named in the line printed when the loader itself fails
     */
    public record FileCheck(String file, BiConsumer<BotConfigFiles, BotConfig> load) {
    }

    private ConfigCheck() {
    }

    /** hospital.yaml only (this module's own file) and the environment. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, List.of());
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
                          List<FileCheck> fileChecks) {
        if (args.length > 1 || args.length == 1 && args[0].startsWith("-")) {
            err.println("用法：scripts/check-config.sh [配置目录]（默认 $EBILLOPS_CONFIG_DIR 或 bot-config）");
            return args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")) ? OK : USAGE;
        }
        Path dir = Path.of(args.length == 1 ? args[0] : env.getOrDefault("EBILLOPS_CONFIG_DIR", "bot-config"))
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            err.println("找不到配置目录 " + dir);
            return USAGE;
        }
        List<String> yamlFiles = yamlFiles(dir);
        List<ConfigProblem> problems = new ArrayList<>(check(dir, yamlFiles, fileChecks));
        problems.addAll(EnvironmentRules.check(env));
        if (problems.isEmpty()) {
            out.println("配置检查通过：%s（%d 个文件）".formatted(dir, yamlFiles.size()));
            return OK;
        }
        problems.forEach(p -> out.println(p.message()));
        out.println("共 %d 处配置错误（配置目录 %s）".formatted(problems.size(), dir));
        return PROBLEMS;
    }

    /**
     * Every YAML file parsed (syntax, top-level mapping), hospital.yaml checked key by key, then
     * every other module's loader. A file read twice (syntax pass, then its loader; duty.yaml by two
     * loaders) reports the same problem twice: the set keeps one.
     */
    private static Set<ConfigProblem> check(Path dir, List<String> yamlFiles, List<FileCheck> fileChecks) {
        BotConfigFiles files = BotConfigFiles.collecting(dir);
        Set<ConfigProblem> problems = new LinkedHashSet<>();
        ConfigNode hospital = null;
        for (String file : yamlFiles) {
            ConfigNode node = files.read(file);
            if (file.equals(BotConfigLoader.FILE)) {
                hospital = node;
            }
        }
        BotConfig config;
        try {
            config = BotConfigLoader.load(hospital != null ? hospital : files.read(BotConfigLoader.FILE));
        } catch (ConfigException e) {
            problems.addAll(e.problems()); // could not go on: everything found so far
            return problems;
        }
        for (FileCheck check : fileChecks) {
            problems.addAll(files.problems()); // in the order found
            try {
                check.load().accept(files, config);
            } catch (ConfigException e) {
                // exception() already filed its problem; a plain sentence thrown by a loader was not
                problems.addAll(files.problems());
                problems.addAll(e.problems());
            } catch (RuntimeException e) {
                // a loader's own fault, not the file's: still one Chinese line, and the next loader runs
                problems.add(ConfigProblem.inFile(check.file(), 0, "检查程序无法读完此文件（%s），请把这一行告诉供应商"
                        .formatted(e.getClass().getSimpleName())));
            }
        }
        problems.addAll(files.problems());
        return problems;
    }

    private static List<String> yamlFiles(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".yaml") || p.endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
