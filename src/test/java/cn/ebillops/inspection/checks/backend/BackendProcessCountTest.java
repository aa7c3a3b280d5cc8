package cn.ebillops.inspection.checks.backend;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.TargetBasics;
import cn.ebillops.inspection.ConfigYaml;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The process count is the e-bill application's, not every Java program on the server. */
class BackendProcessCountTest {

    /** A process table entry with only a command line. */
    record Fake(String commandLine) implements ProcessHandle {
        public long pid() { return 1; }
        public Optional<ProcessHandle> parent() { return Optional.empty(); }
        public Stream<ProcessHandle> children() { return Stream.empty(); }
        public Stream<ProcessHandle> descendants() { return Stream.empty(); }
        public CompletableFuture<ProcessHandle> onExit() { return new CompletableFuture<>(); }
        public boolean supportsNormalTermination() { return false; }
        public boolean destroy() { return false; }
        public boolean destroyForcibly() { return false; }
        public boolean isAlive() { return true; }
        public int compareTo(ProcessHandle o) { return 0; }
        public Info info() {
            return new Info() {
                public Optional<String> command() { return Optional.of(commandLine.split(" ")[0]); }
                public Optional<String> commandLine() { return Optional.of(commandLine); }
                public Optional<String[]> arguments() { return Optional.empty(); }
                public Optional<Instant> startInstant() { return Optional.empty(); }
                public Optional<Duration> totalCpuDuration() { return Optional.empty(); }
                public Optional<String> user() { return Optional.empty(); }
            };
        }
    }

    static final List<ProcessHandle> TABLE = List.of(new Fake("/usr/bin/java -jar /opt/ebill/ebill-server.jar"),
            new Fake("/usr/bin/java -jar /opt/ebill/ebill-server.jar --worker"),
            new Fake("/usr/bin/java -jar /opt/ebillops/ebill-ops-assistant.jar"),
            new Fake("/usr/lib/jvm/bin/java -cp tomcat.jar org.apache.catalina.startup.Bootstrap"),
            new Fake("/usr/bin/python3 /opt/tools/javadoc-server.py"));

    private static CheckResult run(String processes) throws Exception {
        var node = ConfigYaml.target("targets: [{name: 后台, kind: backend, processes: " + processes + "}]");
        var rules = new BackendCheckFactory().create(node).get(0);
        assertThat(rules).isInstanceOf(BackendCheck.class);
        BackendCheck configured = (BackendCheck) rules;
        return new BackendCheck(TargetBasics.read(node, InspectionScope.PAGES), List.of(), List.of(),
                configured.processRules(), TABLE::stream).run();
    }

    @Test
    void aPatternCountsOnlyTheEbillApplicationsProcesses() throws Exception {
        CheckResult r = run("[{name: 电子票据应用, match: 'ebill-server\\.jar'}]");
        assertThat(r.figures()).containsEntry("进程 电子票据应用 数量", "2");
    }

    @Test
    void aBareNameIsTheExecutableNotAnySubstringOfACommandLine() throws Exception {
        // "java" was found in all five command lines (the Python script's name included)
        assertThat(run("[java]").figures()).containsEntry("进程 java 数量", "4");
        assertThat(run("[python3]").figures()).containsEntry("进程 python3 数量", "1");
    }
}
