package cn.ebillops.inspection.checks.tablespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckRunner;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.ConfigYaml;
import cn.ebillops.testsupport.MariaDbTestSupport;
import cn.ebillops.testsupport.PostgresTestSupport;
import cn.ebillops.testsupport.TcpRelay;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PostgreSQL and MariaDB against the real local servers; Oracle/DM evaluation from rows. */
class TablespaceChecksTest {

    private final TablespaceCheckFactory factory = new TablespaceCheckFactory(Map.<String, String>of()::get);

    private List<Check> checks(String yaml) {
        return factory.create(ConfigYaml.target(yaml));
    }

    private static List<CheckResult> run(List<Check> checks) {
        try (CheckRunner runner = new CheckRunner(Duration.ofSeconds(60))) {
            return runner.run(checks);
        }
    }

    @Test
    void postgresUserAndSystemTablespacesAreMeasuredOnTheRealServer() {
        String url = PostgresTestSupport.BASE_URL;
        List<CheckResult> r = run(checks("""
                targets: [{name: 本机PG, kind: tablespace, jdbcUrl: "%s", user: %s, warnPercent: 99.98, failPercent: 99.99, timeout: 30s}]"""
                .formatted(url, PostgresTestSupport.USER)));
        CheckResult user = r.get(0);
        CheckResult system = r.get(1);
        assertThat(user.contractItems()).containsExactly(5);
        assertThat(system.contractItems()).containsExactly(6);
        assertThat(user.status()).as(user.evidence()).isEqualTo(CheckStatus.OK);
        assertThat(user.figures()).containsKey("pg_default 已用");
        assertThat(system.figures()).containsKey("pg_global 已用");
        // the local server runs on this machine: the file system holding the data directory is measured
        assertThat(user.figures().get("pg_default 使用率(%)")).matches("\\d+\\.\\d{2}");
    }

    @Test
    void postgresTablespaceOverItsQuotaFails() {
        List<CheckResult> r = run(checks("""
                targets: [{name: 本机PG, kind: tablespace, jdbcUrl: "%s", user: %s, quotas: {pg_default: 1M}, timeout: 30s}]"""
                .formatted(PostgresTestSupport.BASE_URL, PostgresTestSupport.USER)));
        CheckResult user = r.get(0);
        assertThat(user.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(user.evidence()).contains("pg_default").contains("上限 1.00 MB").contains("← 异常");
        assertThat(user.suggestion()).contains("pg_default");
    }

    @Test
    void mariadbTablespacesAreMeasuredOnTheRealServer() throws Exception {
        String url = MariaDbTestSupport.freshDatabaseUrl();
        String db = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        try (Connection c = DriverManager.getConnection(url, MariaDbTestSupport.USER, "")) {
            c.createStatement().execute("create table bills (id int primary key, no varchar(20)) engine=InnoDB");
        }
        List<CheckResult> r = run(checks("""
                targets: [{name: 本机MariaDB, kind: tablespace, jdbcUrl: "%s", user: root, quotas: {%s: 1K}, warnPercent: 99.98, failPercent: 99.99, timeout: 30s}]"""
                .formatted(url, db)));
        CheckResult user = r.get(0);
        CheckResult system = r.get(1);
        assertThat(user.figures()).containsKey(db + " 已用");
        assertThat(user.status()).as("over its 1K quota").isEqualTo(CheckStatus.FAIL);
        assertThat(user.evidence()).contains(db);
        assertThat(system.figures()).containsKey("innodb_system 已用");
        assertThat(system.status()).as(system.evidence()).isIn(CheckStatus.OK, CheckStatus.WARN);
    }

    @Test
    void postgresElsewhereWithoutQuotaWarnsThatItsUsageCannotBeMeasuredFromTheDatabase() throws Exception {
        // the real local server, reached through 127.0.0.2: to the check it is on another machine
        try (TcpRelay relay = new TcpRelay("127.0.0.1", 5432)) {
            String url = PostgresTestSupport.BASE_URL.replace("127.0.0.1:5432", TcpRelay.HOST + ":" + relay.port());
            List<CheckResult> r = run(checks("""
                    targets: [{name: 远程PG, kind: tablespace, jdbcUrl: "%s", user: %s, timeout: 30s}]"""
                    .formatted(url, PostgresTestSupport.USER)));
            CheckResult user = r.get(0);
            CheckResult system = r.get(1);
            assertThat(user.status()).as(user.evidence()).isEqualTo(CheckStatus.WARN);
            assertThat(user.figures()).containsKey("pg_default 已用").doesNotContainKey("pg_default 使用率(%)");
            assertThat(user.evidence()).contains("pg_default").contains("无法从数据库测得相对容量的使用率").contains("← 警告");
            assertThat(user.suggestion()).contains("pg_default").contains("磁盘检查").contains("kind: disk").contains("quotas");
            assertThat(system.status()).isEqualTo(CheckStatus.WARN);
            assertThat(system.evidence()).contains("pg_global");

            // a quota makes it measurable again, wherever the server is
            CheckResult withQuota = run(checks("""
                    targets: [{name: 远程PG, kind: tablespace, jdbcUrl: "%s", user: %s, quotas: {pg_default: 1T}, timeout: 30s}]"""
                    .formatted(url, PostgresTestSupport.USER))).get(0);
            assertThat(withQuota.status()).as(withQuota.evidence()).isEqualTo(CheckStatus.OK);
            assertThat(withQuota.figures().get("pg_default 使用率(%)")).matches("\\d+\\.\\d{2}");
            assertThat(withQuota.suggestion()).isEmpty();
        }
    }

    @Test
    void mariadbElsewhereWithoutQuotaWarnsThatItsUsageCannotBeMeasuredFromTheDatabase() throws Exception {
        String local = MariaDbTestSupport.freshDatabaseUrl();
        String db = local.substring(local.lastIndexOf('/') + 1, local.indexOf('?'));
        try (Connection c = DriverManager.getConnection(local, MariaDbTestSupport.USER, "")) {
            c.createStatement().execute("create table bills (id int primary key) engine=InnoDB");
        }
        try (TcpRelay relay = new TcpRelay("127.0.0.1", 3306)) {
            String url = local.replace("127.0.0.1:3306", TcpRelay.HOST + ":" + relay.port());
            CheckResult user = run(checks("""
                    targets: [{name: 远程MariaDB, kind: tablespace, jdbcUrl: "%s", user: root, timeout: 30s}]"""
                    .formatted(url))).get(0);
            assertThat(user.status()).as(user.evidence()).isEqualTo(CheckStatus.WARN);
            assertThat(user.figures()).containsKey(db + " 已用").doesNotContainKey(db + " 使用率(%)");
            assertThat(user.evidence()).contains(db).contains("无法从数据库测得相对容量的使用率");
            assertThat(user.suggestion()).contains(db).contains("磁盘检查");
        }
    }

    @Test
    void unreachableDatabaseCannotBeChecked() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<CheckResult> r = run(checks("""
                targets: [{name: 无库, kind: tablespace, jdbcUrl: "jdbc:postgresql://127.0.0.1:%d/x", user: u, timeout: 5s}]"""
                .formatted(port)));
        assertThat(r).allSatisfy(x -> {
            assertThat(x.status()).isEqualTo(CheckStatus.ERROR);
            assertThat(x.evidence()).contains("检查出错");
        });
    }

    @Test
    void oracleRowsAreJudgedAgainstTheirMaximumWithTwoDecimals() throws Exception {
        TablespaceCheck user = (TablespaceCheck) checks("""
                targets: [{name: ebill-oracle, kind: tablespace, jdbcUrl: "jdbc:oracle:thin:@//10.0.0.5:1521/EBILL", user: monitor}]""").get(0);
        TablespaceCheck system = (TablespaceCheck) checks("""
                targets: [{name: ebill-oracle, kind: tablespace, jdbcUrl: "jdbc:oracle:thin:@//10.0.0.5:1521/EBILL", user: monitor}]""").get(1);
        long g = 1L << 30;
        List<TablespaceUsage> rows = List.of(
                new TablespaceUsage("EBILL_DATA", false, "PERMANENT", (long) (89.6 * g), 100 * g, null),
                new TablespaceUsage("EBILL_IDX", false, "PERMANENT", 10 * g, 100 * g, null),
                new TablespaceUsage("SYSTEM", true, "PERMANENT", 91 * g / 100, g, null),
                new TablespaceUsage("UNDOTBS1", true, "UNDO", g / 10, g, null));
        CheckResult u = user.evaluate(rows);
        assertThat(u.status()).isEqualTo(CheckStatus.WARN);
        assertThat(u.figures()).containsEntry("EBILL_DATA 使用率(%)", "89.60").containsEntry("最高使用率(%)", "89.60");
        CheckResult s = system.evaluate(rows);
        assertThat(s.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(s.figures()).containsEntry("SYSTEM 使用率(%)", "91.00").containsEntry("UNDOTBS1 使用率(%)", "10.00");
    }

    @Test
    void innodbDataFilePathMaximum() {
        assertThat(TablespaceQueries.dataFilePathMax("ibdata1:12M:autoextend")).isNull();
        assertThat(TablespaceQueries.dataFilePathMax("ibdata1:12M:autoextend:max:500M")).isEqualTo(500L << 20);
        assertThat(TablespaceQueries.dataFilePathMax("ibdata1:1G;ibdata2:1G:autoextend:max:2G")).isEqualTo(3L << 30);
    }

    @Test
    void unsupportedJdbcUrlIsAConfigurationError() {
        assertThatThrownBy(() -> checks("targets: [{name: x, kind: tablespace, jdbcUrl: \"jdbc:sqlserver://h\", user: u}]"))
                .hasMessageContaining("jdbcUrl").hasMessageContaining("jdbc:oracle:");
    }
}
