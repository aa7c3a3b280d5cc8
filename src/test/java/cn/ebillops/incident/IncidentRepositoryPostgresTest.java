package cn.ebillops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.audit.AuditTrail;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.testsupport.PostgresTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The incident SQL on the real PostgreSQL (migrations included). */
class IncidentRepositoryPostgresTest {

    private static IncidentRepository repository;
    private final Instant t0 = Instant.parse("2026-11-25T02:00:00Z");

    @BeforeAll
    static void migrate() {
        var ds = new DriverManagerDataSource(PostgresTestSupport.freshSchemaUrl(), PostgresTestSupport.USER, "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        repository = new IncidentRepository(JdbcClient.create(ds), AuditTrail.NONE);
    }

    private Incident draft(Area area, Instant at) {
        return new Incident(0, Severity.II, area, IncidentStatus.OPEN, Incident.Source.CHAT, "开票失败", "wr_cashier",
                "chenxia", at, false, null, null, null, null, null, null, null, null, null, null,
                at.plus(Duration.ofMinutes(30)), at.plus(Duration.ofHours(8)), null, null);
    }

    @Test
    void storesAndFindsIncidentsWithExactInstants() {
        Instant at = t0.plusMillis(123).truncatedTo(ChronoUnit.MILLIS);
        long n = repository.insert(draft(Area.ISSUANCE, at));
        Incident i = repository.find(n).orElseThrow();
        assertThat(i.openedAt()).isEqualTo(at);
        assertThat(i.responseDeadline()).isEqualTo(at.plus(Duration.ofMinutes(30)));
        assertThat(repository.findOpenInArea(Area.ISSUANCE, at.minus(Duration.ofMinutes(15)))).isPresent();
        assertThat(repository.findOpenInArea(Area.ISSUANCE, at.plusSeconds(1))).isEmpty();
        assertThat(repository.findOpenInArea(Area.SIGNING, Instant.EPOCH)).isEmpty();
        assertThat(repository.findOpenedBetween(at, at.plusSeconds(1))).extracting(Incident::number).containsExactly(n);
    }

    @Test
    void lifecycleUpdatesOnlyFromTheExpectedState() {
        long n = repository.insert(draft(Area.SYSTEM, t0));
        assertThat(repository.acknowledge(n, t0.plusSeconds(60), "zhanggong")).isTrue();
        assertThat(repository.acknowledge(n, t0.plusSeconds(90), "ligong")).as("first one wins").isFalse();
        assertThat(repository.requireOnsite(n, t0.plusSeconds(100), t0.plus(Duration.ofHours(4)))).isTrue();
        assertThat(repository.markOnsite(n, t0.plusSeconds(200), "zhanggong")).isTrue();
        assertThat(repository.resolve(n, t0.plusSeconds(300), "zhanggong", "更换硬盘")).isTrue();
        assertThat(repository.resolve(n, t0.plusSeconds(400), "zhanggong", "again")).isFalse();
        assertThat(repository.reopen(n)).isTrue();
        assertThat(repository.close(n, t0.plusSeconds(500), "wangjingli")).isTrue();
        Incident i = repository.find(n).orElseThrow();
        assertThat(i.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(i.acknowledgedBy()).isEqualTo("zhanggong");
        assertThat(i.onsiteDeadline()).isEqualTo(t0.plus(Duration.ofHours(4)));
    }

    @Test
    void reportersAreListedOncePerPersonAndChatAndNoticesAreClaimedOnce() {
        long n = repository.insert(draft(Area.DELIVERY, t0));
        assertThat(repository.addReporter(n, new Reporter("chenxia", "wr_cashier", t0, "开票失败"))).isTrue();
        assertThat(repository.addReporter(n, new Reporter("chenxia", "wr_cashier", t0, "还是失败"))).isFalse();
        assertThat(repository.addReporter(n, new Reporter("liufang", "wr_it", t0, "也失败"))).isTrue();
        assertThat(repository.reporters(n)).extracting(Reporter::userId).containsExactly("chenxia", "liufang");
        assertThat(repository.findActiveFor("liufang", "elsewhere")).extracting(Incident::number).containsExactly(n);

        assertThat(repository.claimNotice("k1", n, t0)).isTrue();
        assertThat(repository.claimNotice("k1", n, t0.plusSeconds(1)))
                .as("claimed a moment ago and being sent: not a second time").isFalse();
        assertThat(repository.claimNotice("k1", n, t0.plus(IncidentRepository.CLAIM_LEASE).plusSeconds(1)))
                .as("claimed long ago and never sent (crash): taken over").isTrue();
        repository.markNoticeSent("k1", t0);
        assertThat(repository.claimNotice("k1", n, t0)).isFalse();
        assertThat(repository.sentNotices(n)).containsExactly("k1");

        repository.addEvent(new IncidentEvent(n, t0, "OPENED", "chenxia", "建单"));
        assertThat(repository.events(n)).extracting(IncidentEvent::note).containsExactly("建单");
    }
}
