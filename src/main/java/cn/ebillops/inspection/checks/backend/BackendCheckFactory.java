package cn.ebillops.inspection.checks.backend;

import cn.ebillops.config.ConfigNode;
import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckFactory;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.TargetBasics;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * kind: backend. {@code health: [{url, expectStatus? 200, jsonField?, expectValue?}]},
 * {@code ports: [{host, port}]}, {@code processes: [name, …]} or {@code [{name, match}, …]} (processes on
 * this machine only; a name is the executable's, a match a regular expression in the command line).
 */
@Component
public class BackendCheckFactory implements CheckFactory {

    @Override
    public String kind() {
        return "backend";
    }

    @Override
    public List<Check> create(ConfigNode t) {
        TargetBasics basics = TargetBasics.read(t, InspectionScope.PAGES);
        List<BackendCheck.Health> health = t.children("health").stream().map(h -> {
            String url = h.string("url");
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw h.error("url", url, "http:// 或 https:// 开头的网址");
            }
            String field = h.string("jsonField", "");
            return new BackendCheck.Health(URI.create(url), h.integer("expectStatus", 200, 100, 599), field,
                    h.string("expectValue", field.isEmpty() ? "" : "UP"));
        }).toList();
        List<BackendCheck.Port> ports = t.children("ports").stream()
                .map(p -> new BackendCheck.Port(p.string("host"), p.integer("port", 0, 1, 65535))).toList();
        List<BackendCheck.ProcessRule> processes = processes(t);
        if (health.isEmpty() && ports.isEmpty() && processes.isEmpty()) {
            throw t.error("health", "(空)", "至少一项 health、ports 或 processes");
        }
        return List.of(new BackendCheck(basics, health, ports, processes, ProcessHandle::allProcesses));
    }

    /** {@code processes: [java]} (executable name) or {@code [{name: 电子票据应用, match: "ebill-server\\.jar"}]}. */
    private static List<BackendCheck.ProcessRule> processes(ConfigNode t) {
        if (!t.has("processes")) {
            return List.of();
        }
        Object raw = t.raw().get("processes");
        if (raw instanceof List<?> list && list.stream().anyMatch(e -> e instanceof java.util.Map)) {
            return t.children("processes").stream().map(p -> {
                String match = p.string("match");
                try {
                    return new BackendCheck.ProcessRule(p.string("name"), java.util.regex.Pattern.compile(match));
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw p.error("match", match, "正则表达式（在进程命令行中查找，如 ebill-server\\.jar）");
                }
            }).toList();
        }
        return t.strings("processes").stream().map(BackendCheck.ProcessRule::executable).toList();
    }
}
