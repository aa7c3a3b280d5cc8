package cn.ebillops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.audit.AuditVerifier.Break;
import cn.ebillops.audit.AuditVerifier.Verdict;
import cn.ebillops.testsupport.MutableClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the hash chain promises, run on each database the assistant supports (H2 and PostgreSQL): it
 * verifies after ordinary appends, and a changed, deleted or inserted row is found and named, by id.
 */
abstract class AuditChainContract {

    MutableClock clock = MutableClock.at("2026-11-25T10:00:00+08:00");
    JdbcClient jdbc;
    AuditStore store;
    AuditLog log;

    /** A migrated database of the kind under test; the same one for every test of the class. */
    abstract DataSource dataSource();

    @BeforeEach
    void emptyChain() {
        DataSource ds = dataSource();
        jdbc = JdbcClient.create(ds);
        jdbc.sql("delete from audit_log").update();
        jdbc.sql("update audit_chain_head set last_id = 0, last_hash = ?").param(AuditRow.GENESIS).update();
        store = new AuditStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)));
        log = new AuditLog(store, new PiiMasker(), clock);
    }

    /** Five ordinary rows: a command, a level change, an acknowledgement, a pause, a maintenance window. */
    void fiveRows() {
        log.record(new AuditEntry("zhanggong", "console", "command", "/level", null, "12 I", "故障单 #12 调整为 I 级"));
        clock.advance(Duration.ofMinutes(1));
        log.record(AuditEntry.change("zhanggong", "incident.level", "故障单 #12", null, "调整级别：II 级 → I 级"));
        clock.advance(Duration.ofMinutes(1));
        log.record(AuditEntry.change("zhanggong", "incident.acknowledged", "故障单 #12", null, "张工 接单"));
        clock.advance(Duration.ofMinutes(1));
        log.record(AuditEntry.change("wangjingli", "schedule.pause", "定时任务 holiday-duty", "运行中", "已暂停"));
        clock.advance(Duration.ofMinutes(1));
        log.record(AuditEntry.change("ligong", "maintenance.add", "维护窗口 #3", null, "2026-11-26T22:00 至 2026-11-27T02:00"));
    }

    Verdict verify() {
        return AuditVerifier.verify(store);
    }

    @Test
    void theChainVerifiesAfterOrdinaryAppends() {
        assertThat(verify().intact()).as("an empty log is intact").isTrue();
        fiveRows();
        Verdict v = verify();
        assertThat(v.intact()).as(v.why()).isTrue();
        assertThat(v.rows()).isEqualTo(5);
        assertThat(v.earliest()).contains(clock.instant().minus(Duration.ofMinutes(4)));
        assertThat(AuditDesk.describe(v, clock)).startsWith("审计日志完整：5 条，最早 2026-11-25 10:00:00");
    }

    @Test
    void aChangedRowIsNamed() {
        fiveRows();
        jdbc.sql("update audit_log set after_value = ? where id = 2").param("调整级别：II 级 → III 级").update();
        Verdict v = verify();
        assertThat(v.broken()).contains(Break.CHANGED);
        assertThat(v.brokenId()).isEqualTo(2);
        assertThat(v.brokenAt()).contains(clock.instant().minus(Duration.ofMinutes(3)));
        assertThat(AuditDesk.describe(v, clock)).contains("第 2 条（2026-11-25 10:01:00），内容被修改");
    }

    @Test
    void aChangedTimeIsNamed() {
        fiveRows();
        jdbc.sql("update audit_log set at = ? where id = 3")
                .param(OffsetDateTime.of(2026, 11, 20, 0, 0, 0, 0, ZoneOffset.UTC)).update();
        Verdict v = verify();
        assertThat(v.broken()).contains(Break.CHANGED);
        assertThat(v.brokenId()).isEqualTo(3);
    }

    @Test
    void aRowRewrittenWithItsHashRecomputedIsNamedByTheNextLink() {
        fiveRows();
        AuditRow original = store.latest(5).get(3); // id 2
        AuditRow forged = new AuditRow(2, original.at(), original.actor(), original.route(), original.action(),
                original.target(), null, "调整级别：II 级 → III 级", null, original.prevHash(), "").chainedTo(original.prevHash());
        jdbc.sql("update audit_log set after_value = ?, hash = ? where id = 2").params(forged.after(), forged.hash()).update();
        Verdict v = verify();
        assertThat(v.broken()).contains(Break.CHANGED);
        assertThat(v.brokenId()).isEqualTo(2);
    }

    @Test
    void aDeletedRowIsNamed() {
        fiveRows();
        jdbc.sql("delete from audit_log where id = 3").update();
        Verdict v = verify();
        assertThat(v.broken()).contains(Break.MISSING);
        assertThat(v.brokenId()).isEqualTo(3);
        assertThat(AuditDesk.describe(v, clock)).contains("第 3 条").contains("记录缺失");
    }

    @Test
    void theLastRowDeletedIsNamed() {
        fiveRows();
        jdbc.sql("delete from audit_log where id = 5").update();
        Verdict v = verify();
        assertThat(v.broken()).contains(Break.MISSING);
        assertThat(v.brokenId()).isEqualTo(5);
    }

    @Test
    void anInsertedRowIsNamedEvenWithAValidHash() {
        fiveRows();
        AuditRow last = store.latest(1).get(0);
        AuditRow forged = new AuditRow(6, last.at().plusSeconds(30), "wangjingli", "console", "incident.closed",
                "故障单 #12", null, "王经理 关闭", null, null, null).chainedTo(last.hash());
        jdbc.sql("""
                insert into audit_log (id, at, actor, route, action, target, before_value, after_value, outcome,
                    prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(forged.id(), OffsetDateTime.ofInstant(forged.at(), ZoneOffset.UTC), forged.actor(),
                        forged.route(), forged.action(), forged.target(), null, forged.after(), null,
                        forged.prevHash(), forged.hash())
                .update();
        Verdict v = verify();
        assertThat(v.broken()).contains(Break.INSERTED);
        assertThat(v.brokenId()).isEqualTo(6);
        assertThat(AuditDesk.describe(v, clock)).contains("第 6 条").contains("记录被插入");
    }

    @Test
    void aRowInsertedBeforeTheFirstIsNamed() {
        fiveRows();
        jdbc.sql("""
                insert into audit_log (id, at, actor, route, action, target, prev_hash, hash)
                values (0, ?, 'x', 'console', 'command', '/close', ?, ?)""")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), AuditRow.GENESIS, AuditRow.GENESIS)
                .update();
        Verdict v = verify();
        assertThat(v.broken()).contains(Break.INSERTED);
        assertThat(v.brokenId()).isZero();
    }

    @Test
    void patientDataIsMaskedBeforeItIsStoredAndHashed() {
        log.record(new AuditEntry("chenxia", "console", "command", "/remote",
                null, "患者张三 身份证 110101199003071234 电话 13900139000", null));
        AuditRow row = store.latest(1).get(0);
        assertThat(row.after()).doesNotContain("110101199003071234").doesNotContain("13900139000")
                .doesNotContain("张三").contains("110101");
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void concurrentWritersKeepOneChain() throws Exception {
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                // separate appenders share only the database: as two instances of the assistant would
                AuditLog own = new AuditLog(store, new PiiMasker(), clock);
                int writer = t;
                writers.add(() -> {
                    for (int i = 0; i < each; i++) {
                        own.append(AuditEntry.change("w" + writer, "test.append", "#" + i, null, null));
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(writers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Verdict v = verify();
        assertThat(v.intact()).as(v.why()).isTrue();
        assertThat(v.rows()).isEqualTo(threads * each);
        List<String> links = jdbc.sql("select prev_hash from audit_log").query(String.class).list();
        assertThat(new HashSet<>(links)).as("no two rows link to the same predecessor").hasSize(threads * each);
    }
}
