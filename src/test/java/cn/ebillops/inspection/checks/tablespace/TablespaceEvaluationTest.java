package cn.ebillops.inspection.checks.tablespace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.TargetBasics;
import cn.ebillops.inspection.Thresholds;
import cn.ebillops.inspection.checks.JdbcTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tablespace rows judged against the contract's limit, without a database (rows as the queries return them). */
class TablespaceEvaluationTest {

    private static final long G = 1L << 30;
    private static final TargetBasics TARGET = new TargetBasics("ebill-db", InspectionScope.DB, Duration.ofSeconds(30));
    private static final JdbcTarget REMOTE = new JdbcTarget("jdbc:postgresql://10.0.0.5:5432/ebill", "monitor", "",
            JdbcTarget.Vendor.POSTGRESQL);
    private static final JdbcTarget LOCAL = new JdbcTarget("jdbc:postgresql://127.0.0.1:5432/ebill", "monitor", "",
            JdbcTarget.Vendor.POSTGRESQL);

    private static TablespaceCheck user(JdbcTarget db, Map<String, Long> quotas) {
        return new TablespaceCheck(TARGET, db, false, Thresholds.DEFAULT, quotas);
    }

    @Test
    void aTablespaceExactlyNinetyPercentFullFails() throws Exception {
        CheckResult r = user(REMOTE, Map.of()).evaluate(List.of(
                new TablespaceUsage("EBILL_DATA", false, "PERMANENT", 90 * G, 100 * G, null)));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.figures()).containsEntry("EBILL_DATA 使用率(%)", "90.00").containsEntry("EBILL_DATA 已用", "90.00 GB")
                .containsEntry("最高使用率(%)", "90.00");
        assertThat(r.evidence()).isEqualTo("EBILL_DATA（PERMANENT）：已用 90.00 GB / 上限 100.00 GB 90.00% ← 异常");
        assertThat(r.suggestion()).startsWith("表空间 EBILL_DATA 使用率 90.00%（警告 85.00%，上限 90.00%）");
    }

    @Test
    void theWorstTablespaceIsNamedAndHealthyOnesGiveNoAdvice() throws Exception {
        CheckResult warn = user(REMOTE, Map.of()).evaluate(List.of(
                new TablespaceUsage("A", false, "PERMANENT", 86 * G, 100 * G, null),
                new TablespaceUsage("B", false, "PERMANENT", 10 * G, 100 * G, null)));
        assertThat(warn.status()).isEqualTo(CheckStatus.WARN);
        assertThat(warn.suggestion()).startsWith("表空间 A 使用率 86.00%");
        assertThat(warn.figures()).containsEntry("最高使用率(%)", "86.00");

        CheckResult ok = user(REMOTE, Map.of()).evaluate(List.of(
                new TablespaceUsage("A", false, "PERMANENT", 84 * G, 100 * G, null),
                new TablespaceUsage("B", false, "PERMANENT", 0, 100 * G, null)));
        assertThat(ok.status()).isEqualTo(CheckStatus.OK);
        assertThat(ok.suggestion()).isEmpty();
        assertThat(ok.figures()).containsEntry("最高使用率(%)", "84.00");
        assertThat(ok.evidence()).doesNotContain("←");
    }

    @Test
    void withoutAMaximumTheConfiguredQuotaIsTheLimit() throws Exception {
        CheckResult r = user(REMOTE, Map.of("pg_default", 10 * G)).evaluate(List.of(
                new TablespaceUsage("pg_default", false, "PERMANENT", 9 * G, null, null),
                new TablespaceUsage("zero_max", false, "PERMANENT", 1 * G, 0L, null)));
        assertThat(r.figures()).containsEntry("pg_default 使用率(%)", "90.00");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).contains("zero_max（PERMANENT）：大小 1.00 GB，数据库中没有上限或配额");
    }

    @Test
    void aRemoteTablespaceWithoutLimitIsAWarningThatNamesWhatCannotBeMeasured() throws Exception {
        CheckResult r = user(REMOTE, Map.of()).evaluate(List.of(
                new TablespaceUsage("pg_default", false, "PERMANENT", 2 * G, null, "/var/lib/postgresql/16/main")));
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.evidence()).contains("（数据目录 /var/lib/postgresql/16/main）", "← 警告");
        assertThat(r.figures()).doesNotContainKey("最高使用率(%)").containsEntry("pg_default 已用", "2.00 GB");
        assertThat(r.suggestion()).startsWith("表空间 pg_default 没有上限").contains("kind: disk");
        CheckResult remoteDirHereToo = user(REMOTE, Map.of()).evaluate(List.of(
                new TablespaceUsage("pg_default", false, "PERMANENT", G, null, System.getProperty("java.io.tmpdir"))));
        assertThat(remoteDirHereToo.status()).as("a path of the same name here says nothing about the remote disk")
                .isEqualTo(CheckStatus.WARN);
        assertThat(remoteDirHereToo.figures()).doesNotContainKey("pg_default 使用率(%)");
        CheckResult noLocation = user(REMOTE, Map.of()).evaluate(List.of(
                new TablespaceUsage("x", false, "PERMANENT", G, null, null)));
        assertThat(noLocation.evidence()).doesNotContain("数据目录");
    }

    @Test
    void aLocalTablespaceWithoutLimitIsJudgedByItsFileSystem(@TempDir Path dataDir) throws Exception {
        CheckResult r = user(LOCAL, Map.of()).evaluate(List.of(
                new TablespaceUsage("pg_default", false, "PERMANENT", G, null, dataDir.toString())));
        // as df computes Use%: used = total − unallocated, over used + available to ordinary users
        java.nio.file.FileStore fs = java.nio.file.Files.getFileStore(dataDir);
        long used = fs.getTotalSpace() - fs.getUnallocatedSpace();
        String expected = Thresholds.pct(Thresholds.percent(used, used + fs.getUsableSpace()));
        assertThat(r.figures()).containsEntry("pg_default 使用率(%)", expected).containsEntry("最高使用率(%)", expected);
        assertThat(r.evidence()).contains("无上限；所在文件系统（" + dataDir + "）使用率");
        CheckResult localWithoutLocation = user(LOCAL, Map.of()).evaluate(List.of(
                new TablespaceUsage("pg_default", false, "PERMANENT", G, null, null)));
        assertThat(localWithoutLocation.status()).isEqualTo(CheckStatus.WARN);
        CheckResult missingDir = user(LOCAL, Map.of()).evaluate(List.of(
                new TablespaceUsage("pg_default", false, "PERMANENT", G, null, dataDir.resolve("gone").toString())));
        assertThat(missingDir.status()).isEqualTo(CheckStatus.WARN);
        assertThat(missingDir.figures()).doesNotContainKey("pg_default 使用率(%)");
    }

    @Test
    void userAndSystemChecksReadOnlyTheirOwnRowsAndNoRowsCannotBeChecked() throws Exception {
        List<TablespaceUsage> rows = List.of(new TablespaceUsage("SYSTEM", true, "PERMANENT", 95 * G, 100 * G, null));
        CheckResult u = user(REMOTE, Map.of()).evaluate(rows);
        assertThat(u.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(u.evidence()).contains("没有读到用户表空间");
        TablespaceCheck system = new TablespaceCheck(TARGET, REMOTE, true, Thresholds.DEFAULT, Map.of());
        assertThat(system.evaluate(rows).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(system.evaluate(List.of()).evidence()).contains("没有读到系统表空间");
        assertThat(system.name()).isEqualTo("数据库系统表空间使用率");
        assertThat(user(REMOTE, Map.of()).name()).isEqualTo("数据库用户表空间使用率");
        assertThat(system.contractItems()).containsExactly(6);
        assertThat(user(REMOTE, Map.of()).contractItems()).containsExactly(5);
    }

    @Test
    void ofTwoEquallyFullTablespacesTheFirstIsNamed() throws Exception {
        CheckResult r = user(REMOTE, Map.of()).evaluate(List.of(
                new TablespaceUsage("A", false, "PERMANENT", 88 * G, 100 * G, null),
                new TablespaceUsage("B", false, "PERMANENT", 88 * G, 100 * G, null)));
        assertThat(r.suggestion()).startsWith("表空间 A 使用率 88.00%");
    }

    @Test
    void anEmptyTablespaceStillReportsItsHighestUsageOfZero() throws Exception {
        CheckResult r = user(REMOTE, Map.of()).evaluate(List.of(
                new TablespaceUsage("A", false, "PERMANENT", 0, 100 * G, null)));
        assertThat(r.figures()).containsEntry("最高使用率(%)", "0.00");
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
    }

    @Test
    void userAndSystemChecksOfOneTargetHaveDistinctIds() {
        TablespaceCheck system = new TablespaceCheck(TARGET, REMOTE, true, Thresholds.DEFAULT, Map.of());
        assertThat(user(REMOTE, Map.of()).id()).isNotEqualTo(system.id()).contains("user");
        assertThat(system.id()).contains("system");
    }
}
