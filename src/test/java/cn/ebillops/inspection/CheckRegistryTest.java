package cn.ebillops.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigException;
import cn.ebillops.config.ConfigNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckRegistryTest {

    @TempDir
    Path dir;

    /** A factory that makes one OK check per entry, reading the shared keys like real factories. */
    static CheckFactory factory(String kind, InspectionScope defaultScope) {
        return new CheckFactory() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public List<Check> create(ConfigNode target) {
                TargetBasics b = TargetBasics.read(target, defaultScope);
                return List.of(new SimpleCheck(b.id(kind), kind, List.of(8), b) {
                    @Override
                    public CheckResult run() {
                        return result(CheckStatus.OK).build();
                    }
                });
            }
        };
    }

    private void write(String rel, String yaml) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, yaml);
    }

    @Test
    void readsTargetsYamlAndEveryFileInTargetsD() throws IOException {
        write("targets.yaml", """
                targets:
                  - {name: 本机磁盘, kind: disk, timeout: 3s}
                """);
        write("targets.d/ebill-signing.yaml", """
                targets:
                  - {name: 签名验签服务器（演示）, kind: signing, scope: SIGNING}
                """);
        CheckRegistry registry = CheckRegistry.load(new BotConfigFiles(dir),
                List.of(factory("disk", InspectionScope.DISK), factory("signing", InspectionScope.SIGNING)));

        assertThat(registry.all()).extracting(Check::id).containsExactly("disk:本机磁盘", "signing:签名验签服务器（演示）");
        assertThat(registry.forScopes(Set.of(InspectionScope.SIGNING))).extracting(Check::target)
                .containsExactly("签名验签服务器（演示）");
        assertThat(registry.forScopes(Set.of(InspectionScope.ALL))).hasSize(2);
        assertThat(registry.all().get(0).timeout()).hasSeconds(3);
    }

    @Test
    void unknownKindFailsNamingFileKeyValueAndAllowedKinds() throws IOException {
        write("targets.d/extra.yaml", """
                targets:
                  - {name: x, kind: dsik}
                """);
        assertThatThrownBy(() -> CheckRegistry.load(new BotConfigFiles(dir),
                List.of(factory("disk", InspectionScope.DISK), factory("log", InspectionScope.LOGS))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("targets.d/extra.yaml").hasMessageContaining("targets[name=x].kind")
                .hasMessageContaining("dsik").hasMessageContaining("disk、log");
    }

    @Test
    void duplicateTargetNamesAcrossFilesFailStart() throws IOException {
        write("targets.yaml", "targets:\n  - {name: a, kind: disk}\n");
        write("targets.d/b.yaml", "targets:\n  - {name: a, kind: disk}\n");
        assertThatThrownBy(() -> CheckRegistry.load(new BotConfigFiles(dir), List.of(factory("disk", InspectionScope.DISK))))
                .hasMessageContaining("targets.d/b.yaml").hasMessageContaining("targets.yaml");
    }

    @Test
    void badScopeAndTimeoutAreRejectedWithTheirKey() throws IOException {
        write("targets.yaml", "targets:\n  - {name: a, kind: disk, scope: disks}\n");
        assertThatThrownBy(() -> CheckRegistry.load(new BotConfigFiles(dir), List.of(factory("disk", InspectionScope.DISK))))
                .hasMessageContaining("targets[name=a].scope").hasMessageContaining("DISK");
        write("targets.yaml", "targets:\n  - {name: a, kind: disk, timeout: soon}\n");
        assertThatThrownBy(() -> CheckRegistry.load(new BotConfigFiles(dir), List.of(factory("disk", InspectionScope.DISK))))
                .hasMessageContaining("targets[name=a].timeout");
    }

    @Test
    void noTargetsFileMeansNoChecks() {
        assertThat(CheckRegistry.load(new BotConfigFiles(dir), List.of(factory("disk", InspectionScope.DISK))).all()).isEmpty();
    }
}
