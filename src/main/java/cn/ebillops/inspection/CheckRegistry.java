package cn.ebillops.inspection;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigException;
import cn.ebillops.config.ConfigNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * All checks, built at start from bot-config/targets.yaml plus every bot-config/targets.d/*.yaml
 * ({@code targets: [{name, kind, scope?, timeout?, ...}]}). Each entry goes to the
 * {@link CheckFactory} whose kind matches; an unknown kind or a duplicate name fails start.
 */
public class CheckRegistry {

    public static final String MAIN_FILE = "targets.yaml";
    public static final String EXTRA_DIR = "targets.d";

    private final List<Check> checks;

    public CheckRegistry(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    public static CheckRegistry load(BotConfigFiles files, Collection<CheckFactory> factories) {
        Map<String, CheckFactory> byKind = new TreeMap<>();
        for (CheckFactory f : factories) {
            if (byKind.putIfAbsent(f.kind(), f) != null) {
                throw new IllegalStateException("two check factories for kind " + f.kind());
            }
        }
        List<ConfigNode> roots = new ArrayList<>();
        roots.add(files.readOptional(MAIN_FILE));
        for (Path p : files.list(EXTRA_DIR, ".yaml")) {
            roots.add(files.read(EXTRA_DIR + "/" + p.getFileName()));
        }
        List<Check> all = new ArrayList<>();
        Map<String, String> targetFiles = new HashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        for (ConfigNode root : roots) {
            for (ConfigNode target : root.children("targets")) {
                String kind = target.string("kind");
                CheckFactory factory = byKind.get(kind);
                if (factory == null) {
                    throw target.error("kind", kind, String.join("、", byKind.keySet()));
                }
                String name = target.string("name");
                String previous = targetFiles.putIfAbsent(name, root.file());
                if (previous != null) {
                    throw target.error("name", name, "不重复的目标名（已在 bot-config/" + previous + " 中使用）");
                }
                for (Check c : factory.create(target)) {
                    if (!ids.add(c.id())) {
                        throw new ConfigException("配置错误 bot-config/%s: 检查编号 %s 重复".formatted(root.file(), c.id()));
                    }
                    all.add(c);
                }
            }
        }
        return new CheckRegistry(all);
    }

    public List<Check> all() {
        return checks;
    }

    /** Checks of the given scopes; ALL (or empty) means every check. */
    public List<Check> forScopes(Set<InspectionScope> scopes) {
        if (scopes.isEmpty() || scopes.contains(InspectionScope.ALL)) {
            return checks;
        }
        return checks.stream().filter(c -> scopes.contains(c.scope())).toList();
    }

    public Map<String, Check> byId() {
        return checks.stream().collect(Collectors.toMap(Check::id, Function.identity()));
    }
}
