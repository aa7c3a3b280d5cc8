package cn.ebillops.inspection.checks.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.ConfigYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupChecksTest {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    final BackupCheckFactory factory = new BackupCheckFactory(Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")), Map.<String, String>of()::get);

    @TempDir
    Path dir;

    private void backup(String name, int bytes, Duration age) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[bytes]);
        Files.setLastModifiedTime(p, FileTime.from(NOW.minus(age)));
    }

    private Check dirCheck(String extra) {
        return factory.create(ConfigYaml.target("targets: [{name: 数据库备份, kind: backup, directory: \"%s\", glob: \"*.dmp\"%s}]"
                .formatted(dir, extra))).get(0);
    }

    @Test
    void recentBackupOfSimilarSizeOnAVolumeWithSpaceIsOk() throws Exception {
        backup("ebill_20261123.dmp", 1000, Duration.ofHours(48));
        backup("ebill_20261124.dmp", 1100, Duration.ofHours(2));
        backup("notes.txt", 10, Duration.ofMinutes(1));
        CheckResult r = dirCheck(", warnPercent: 99.9, failPercent: 100").run();
        assertThat(r.status()).as(r.evidence()).isEqualTo(CheckStatus.OK);
        assertThat(r.figures()).containsEntry("备份文件数", "2").containsEntry("最新备份距今(小时)", "2.00")
                .containsKey("备份卷使用率(%)");
        assertThat(r.evidence()).contains("ebill_20261124.dmp");
        assertThat(r.contractItems()).containsExactly(7);
    }

    @Test
    void missingBackupDirectoryOrNoBackupFilesFail() throws Exception {
        Check missing = factory.create(ConfigYaml.target("targets: [{name: b, kind: backup, directory: \"%s/none\"}]"
                .formatted(dir))).get(0);
        assertThat(missing.run().status()).isEqualTo(CheckStatus.FAIL);
        assertThat(missing.run().evidence()).contains("不存在");

        backup("other.txt", 10, Duration.ofHours(1));
        CheckResult empty = dirCheck("").run();
        assertThat(empty.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(empty.evidence()).contains("没有匹配");
    }

    @Test
    void staleBackupFails() throws Exception {
        backup("sub/ebill_1.dmp", 1000, Duration.ofHours(50));
        CheckResult r = dirCheck(", maxAge: 26h").run();
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).contains("超过 50 小时");
        assertThat(r.suggestion()).contains("补做");
    }

    @Test
    void backupMuchSmallerThanThePreviousOneWarns() throws Exception {
        backup("a.dmp", 10_000, Duration.ofHours(26));
        backup("b.dmp", 1_000, Duration.ofHours(1));
        CheckResult r = dirCheck(", warnPercent: 99.9, failPercent: 100").run();
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.evidence()).contains("小了 90.00%");
    }

    @Test
    void emptyBackupFileFails() throws Exception {
        backup("b.dmp", 0, Duration.ofHours(1));
        assertThat(dirCheck("").run().status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void rmanEvaluationRequiresARecentHealthyBackupPerInputType() {
        RmanBackupCheck c = (RmanBackupCheck) factory.create(ConfigYaml.target("""
                targets: [{name: ebill-oracle, kind: backup, jdbcUrl: "jdbc:oracle:thin:@//10.0.0.5:1521/EBILL",
                           user: monitor, inputTypes: [DB FULL, ARCHIVELOG], maxAge: 26h}]""")).get(0);
        CheckResult ok = c.evaluate(List.of(new RmanJob("ARCHIVELOG", "COMPLETED", 1.5, 1 << 20),
                new RmanJob("DB FULL", "COMPLETED WITH WARNINGS", 20, 5L << 30)));
        assertThat(ok.status()).isEqualTo(CheckStatus.OK);
        assertThat(ok.figures()).containsEntry("DB FULL 距今(小时)", "20.00");

        CheckResult failedLast = c.evaluate(List.of(new RmanJob("DB FULL", "FAILED", 2, 0),
                new RmanJob("DB FULL", "COMPLETED", 30, 5L << 30), new RmanJob("ARCHIVELOG", "COMPLETED", 1, 1)));
        assertThat(failedLast.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(failedLast.evidence()).contains("超过 26.00 小时").contains("失败：DB FULL FAILED");

        CheckResult none = c.evaluate(List.of());
        assertThat(none.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(none.evidence()).contains("没有成功的备份");
    }

    @Test
    void rmanNeedsAnOracleUrl() {
        assertThatThrownBy(() -> factory.create(ConfigYaml.target(
                "targets: [{name: x, kind: backup, jdbcUrl: \"jdbc:postgresql://h/db\", user: u}]")))
                .hasMessageContaining("jdbcUrl").hasMessageContaining("Oracle");
    }
}
