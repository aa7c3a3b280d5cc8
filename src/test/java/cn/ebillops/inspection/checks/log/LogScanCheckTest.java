package cn.ebillops.inspection.checks.log;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStateStore;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.ConfigYaml;
import cn.ebillops.inspection.InspectionTestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogScanCheckTest {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    @TempDir
    Path dir;
    Path log;
    CheckStateStore state;

    @BeforeEach
    void setUp() throws Exception {
        log = dir.resolve("app.log");
        state = new CheckStateStore(InspectionTestDb.jdbc(), Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));
    }

    private Check check(Instant now) {
        var factory = new LogScanCheckFactory(state, Clock.fixed(now, ZoneId.of("Asia/Shanghai")), new PiiMasker(),
                "ebill-ops-assistant");
        return factory.create(ConfigYaml.target("""
                targets: [{name: 应用日志, kind: log, files: ["%s"], staleAfter: 24h, warnCount: 1, failCount: 3}]"""
                .formatted(log))).get(0);
    }

    private void append(String text) throws Exception {
        Files.writeString(log, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Files.setLastModifiedTime(log, FileTime.from(NOW.minusSeconds(60)));
    }

    @Test
    void countsErrorsOnlyInWhatWasAppendedSinceTheLastRun() throws Exception {
        append("2026-11-25 09:00:01 INFO started\n2026-11-25 09:00:02 ERROR 连接数据库失败 id=1001\n");
        CheckResult first = check(NOW).run();
        assertThat(first.status()).isEqualTo(CheckStatus.WARN);
        assertThat(first.figures()).containsEntry("错误行数", "1");

        CheckResult quiet = check(NOW).run();
        assertThat(quiet.status()).isEqualTo(CheckStatus.OK);
        assertThat(quiet.figures()).containsEntry("错误行数", "0");

        append("2026-11-25 10:00:00 ERROR 连接数据库失败 id=1002\n2026-11-25 10:00:01 ERROR 连接数据库失败 id=1003\n"
                + "2026-11-25 10:00:02 java.lang.IllegalStateException: 签名失败\n2026-11-25 10:00:03 INFO ok\n");
        CheckResult later = check(NOW).run();
        assertThat(later.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(later.figures()).containsEntry("错误行数", "3").containsEntry("不同错误数", "2");
        assertThat(later.evidence()).contains("错误 Top1（2 次）").contains("ERROR 连接数据库失败 id=1002");
    }

    @Test
    void aPartialLastLineIsReadNextTime() throws Exception {
        append("ERROR one\nERROR tw");
        assertThat(check(NOW).run().figures()).containsEntry("错误行数", "1");
        append("o\n");
        CheckResult r = check(NOW).run();
        assertThat(r.figures()).containsEntry("错误行数", "1");
        assertThat(r.evidence()).contains("ERROR two");
    }

    @Test
    void rotationRestartsAtTheBeginningOfTheNewFile() throws Exception {
        append("INFO a\n".repeat(50));
        check(NOW).run();
        append("ERROR written before rotation\n");
        // logrotate: move away, new file with less content than the kept position
        Files.move(log, dir.resolve("app.log.1"));
        append("ERROR after rotation\n");
        CheckResult r = check(NOW).run();
        assertThat(r.evidence()).contains("日志已轮转").contains("补扫轮转前写入 app.log.1");
        assertThat(r.figures()).containsEntry("错误行数", "2");
    }

    @Test
    void truncatedFileIsTreatedAsRotated() throws Exception {
        append("INFO a\n".repeat(50));
        check(NOW).run();
        Files.writeString(log, "ERROR x\n", StandardOpenOption.TRUNCATE_EXISTING);
        Files.setLastModifiedTime(log, FileTime.from(NOW.minusSeconds(60)));
        CheckResult r = check(NOW).run();
        assertThat(r.evidence()).contains("日志已轮转");
        assertThat(r.figures()).containsEntry("错误行数", "1");
    }

    @Test
    void aLogThatStoppedGrowingIsAWarning() throws Exception {
        append("INFO fine\n");
        CheckResult r = check(NOW.plus(Duration.ofHours(30))).run();
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.evidence()).contains("未增长");
        assertThat(r.suggestion()).contains("停止增长");
    }

    @Test
    void missingLogFileCannotBeChecked() throws Exception {
        CheckResult r = check(NOW).run();
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.evidence()).contains("不存在");
    }

    @Test
    void patientDataInErrorLinesIsMasked() throws Exception {
        append("ERROR 开票失败 身份证 440102199001011234 手机 13812345678\n");
        CheckResult r = check(NOW).run();
        assertThat(r.evidence()).doesNotContain("440102199001011234").doesNotContain("13812345678");
    }

    @Test
    void reportedLinesKeepTheirDigitsAndMaskOnlyPatientData() throws Exception {
        append("2026-11-25 09:00:02 ERROR ORA-12541 连接 10.1.2.3:1521 失败，患者 张三 身份证 440102199001011234 手机 13812345678\n");
        CheckResult r = check(NOW).run();
        assertThat(r.evidence()).contains("2026-11-25 09:00:02 ERROR ORA-12541 连接 10.1.2.3:1521 失败")
                .contains("张*").contains("138****5678")
                .doesNotContain("张三").doesNotContain("440102199001011234").doesNotContain("13812345678")
                .doesNotContain("#");
    }

    @Test
    void theAssistantsOwnStopIsNotReportedButOtherApplicationsAndItsRunningLinesAre() throws Exception {
        String app = " --- [ebill-ops-assistant] ";
        append("2026-11-25T09:00:00.000Z  INFO 4242" + app + "[           main] c.e.EbillOpsApplication : Started EbillOpsApplication in 9.1 seconds\n"
                + "2026-11-25T09:10:00.000Z ERROR 4242" + app + "[  ebillops-bg-1] c.e.i.Some : 签名服务器连接失败\n"
                + "2026-11-25T10:00:00.000Z  INFO 4242" + app + "[ionShutdownHook] o.s.b.t.GracefulShutdown : Commencing graceful shutdown. Waiting for active requests to complete\n"
                + "2026-11-25T10:00:01.000Z ERROR 4242" + app + "[eduler_Worker-1] org.quartz.core.JobRunShell : Job threw an unhandled Exception:\n"
                + "org.h2.jdbc.JdbcSQLNonTransientConnectionException: Database is already closed\n"
                + "\tat org.h2.message.DbException.getJdbcSQLException(DbException.java:690)\n"
                + "2026-11-25 10:00:01 ERROR 777 --- [other-app] 另一个系统在此期间的错误\n"
                + "2026-11-25T10:00:05.000Z  INFO 4343" + app + "[           main] c.e.EbillOpsApplication : Starting EbillOpsApplication v0.1.0 using Java 17.0.12 with PID 4343\n"
                + "2026-11-25T10:01:00.000Z ERROR 4343" + app + "[  ebillops-bg-2] c.e.i.Some : 开票接口超时\n");
        CheckResult r = check(NOW).run();
        assertThat(r.figures()).containsEntry("错误行数", "3");
        assertThat(r.evidence()).contains("签名服务器连接失败").contains("开票接口超时").contains("另一个系统在此期间的错误")
                .doesNotContain("Database is already closed").doesNotContain("JobRunShell");
    }
}
