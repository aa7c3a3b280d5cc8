package cn.ebillops.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.testsupport.PostgresTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The run store on the real local PostgreSQL (Flyway applied there) and on H2 in PostgreSQL mode. */
class InspectionStorePostgresTest {

    private static DataSource dataSource(String db) {
        if (db.equals("postgresql")) {
            return new DriverManagerDataSource(PostgresTestSupport.freshSchemaUrl(), PostgresTestSupport.USER, "");
        }
        return new DriverManagerDataSource("jdbc:h2:mem:store-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static CheckResult result(String id, CheckStatus s, String pct) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("最高使用率(%)", pct);
        figures.put("/ 已用", "12.00 GB");
        return new CheckResult(id, "服务器磁盘空间", List.of(8), "本机磁盘", s, figures, "/ 使用率 " + pct + "%",
                "清理", Duration.ofMillis(42));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void storesRunsWithResultsAndFindsThePreviousRunOfTheSameScopes(String db) {
        DataSource ds = dataSource(db);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        InspectionStore store = new InspectionStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)));
        Instant t = Instant.parse("2026-11-25T02:00:00Z");

        InspectionRun first = store.save(new InspectionRun(0, EnumSet.of(InspectionScope.ALL), "schedule:quarterly",
                t, t.plusSeconds(3), List.of(result("disk:本机磁盘", CheckStatus.OK, "80.00"))));
        InspectionRun scoped = store.save(new InspectionRun(0, Set.of(InspectionScope.DISK), "manual:zhanggong",
                t.plusSeconds(60), t.plusSeconds(61), List.of(result("disk:本机磁盘", CheckStatus.WARN, "86.00"))));
        InspectionRun second = store.save(new InspectionRun(0, EnumSet.of(InspectionScope.ALL), "manual:zhanggong",
                t.plusSeconds(120), t.plusSeconds(123), List.of(result("disk:本机磁盘", CheckStatus.FAIL, "91.50"),
                        result("log:助手运行日志", CheckStatus.OK, "0"))));

        InspectionRun loaded = store.find(second.id()).orElseThrow();
        assertThat(loaded.results()).hasSize(2);
        assertThat(loaded.results().get(0).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(loaded.results().get(0).figures().keySet()).containsExactly("最高使用率(%)", "/ 已用");
        assertThat(loaded.results().get(0).elapsed()).isEqualTo(Duration.ofMillis(42));
        assertThat(loaded.startedAt()).isEqualTo(t.plusSeconds(120));
        assertThat(loaded.trigger()).isEqualTo("manual:zhanggong");
        assertThat(loaded.overall()).isEqualTo(CheckStatus.FAIL);

        assertThat(store.previous(second.id())).map(InspectionRun::id).contains(first.id());
        assertThat(store.previous(scoped.id())).isEmpty();
        assertThat(store.latest()).map(InspectionRun::id).contains(second.id());
        assertThat(store.recent(10)).extracting(InspectionRun::id).containsExactly(second.id(), scoped.id(), first.id());
        assertThat(store.find(9999)).isEmpty();

        CheckStateStore state = new CheckStateStore(jdbc, Clock.fixed(t, ZoneId.of("Asia/Shanghai")));
        assertThat(state.get("log:x", "/var/log/a#pos")).isEmpty();
        state.put("log:x", "/var/log/a#pos", "100");
        state.put("log:x", "/var/log/a#pos", "250");
        assertThat(state.get("log:x", "/var/log/a#pos")).contains("250");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void countsInspectionsWithoutProbesFindsLatestResultAndPurgesOldProbes(String db) {
        DataSource ds = dataSource(db);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        InspectionStore store = new InspectionStore(JdbcClient.create(ds),
                new TransactionTemplate(new DataSourceTransactionManager(ds)));
        Instant t = Instant.parse("2026-11-25T02:00:00Z");

        store.save(new InspectionRun(0, EnumSet.of(InspectionScope.ALL), "schedule:quarterly", t, t.plusSeconds(3),
                List.of(result("disk:本机磁盘", CheckStatus.OK, "80.00"), result("log:a", CheckStatus.WARN, "0"))));
        store.save(new InspectionRun(0, EnumSet.of(InspectionScope.SIGNING), "probe:availability",
                t.minus(Duration.ofDays(8)), t.minus(Duration.ofDays(8)), List.of(result("signing-cert:svs", CheckStatus.FAIL, "0"))));
        InspectionRun recentProbe = store.save(new InspectionRun(0, EnumSet.of(InspectionScope.SIGNING), "probe:availability",
                t.plusSeconds(60), t.plusSeconds(60), List.of(result("signing-cert:svs", CheckStatus.OK, "0"))));

        InspectionStore.Totals totals = store.totalsBetween(t.minus(Duration.ofDays(30)), t.plus(Duration.ofDays(1)));
        assertThat(totals.runs()).as("probes are not inspections").isEqualTo(1);
        assertThat(totals.problems()).isEqualTo(1);
        assertThat(store.latestResult("signing-cert:")).map(CheckResult::status).contains(CheckStatus.OK);

        assertThat(store.purgeRuns("probe:", t.minus(Duration.ofDays(7)))).isEqualTo(1);
        assertThat(store.recent(10)).extracting(InspectionRun::trigger)
                .containsExactly("probe:availability", "schedule:quarterly");
        assertThat(store.find(recentProbe.id())).isPresent();
    }
}
