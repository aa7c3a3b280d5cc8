package cn.ebillops.config;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * scripts/check-config.sh: checks a bot-config directory and the environment without starting
 * the server, and prints every problem in Chinese, one per line (or one line saying all is well).
 * Exit 0 when the configuration is good, 1 when it has problems, 2 for a usage error.
 * Usage: {@code java -cp ... cn.ebillops.config.ConfigCheck [config-dir]}.
 */
public final class ConfigCheck {

    static final int OK = 0;
    static final int PROBLEMS = 1;
    static final int USAGE = 2;

    private ConfigCheck() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, System.getenv(), out, err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
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
        List<ConfigProblem> problems = new ArrayList<>(check(dir, yamlFiles));
        problems.addAll(EnvironmentRules.check(env));
        if (problems.isEmpty()) {
            out.println("配置检查通过：%s（%d 个文件）".formatted(dir, yamlFiles.size()));
            return OK;
        }
        problems.forEach(p -> out.println(p.message()));
        out.println("共 %d 处配置错误（配置目录 %s）".formatted(problems.size(), dir));
        return PROBLEMS;
    }

    /** Every YAML file parsed (syntax, top-level mapping), then hospital.yaml checked key by key. */
    private static List<ConfigProblem> check(Path dir, List<String> yamlFiles) {
        BotConfigFiles files = BotConfigFiles.collecting(dir);
        ConfigNode hospital = null;
        for (String file : yamlFiles) {
            ConfigNode node = files.read(file);
            if (file.equals(BotConfigLoader.FILE)) {
                hospital = node;
            }
        }
        try {
            BotConfigLoader.load(hospital != null ? hospital : files.read(BotConfigLoader.FILE));
        } catch (ConfigException e) {
            return e.problems(); // a loader that could not go on: everything found so far
        }
        return files.problems();
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
