package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.testsupport.MutableClock;
import cn.ebillops.testsupport.PostgresTestSupport;
import cn.ebillops.wording.Wording;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox SQL (V10 and V43 migrations, merge, claim by status) on the real PostgreSQL;
 * {@link RobotOutboxH2Test} runs the same on the embedded H2.
 */
class RobotOutboxPostgresTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00.123456789Z"),
            cn.ebillops.infra.InfraConfig.ZONE);
    DataSource ds;
    JdbcClient jdbc;
    RobotOutbox outbox;

    DataSource dataSource() {
        return new DriverManagerDataSource(PostgresTestSupport.freshSchemaUrl(), PostgresTestSupport.USER, "");
    }

    @BeforeEach
    void schema() {
        ds = dataSource();
        jdbc = JdbcClient.create(ds);
        outbox = new RobotOutbox(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)), clock);
    }

    private void migrate(String target) {
        var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
        (target == null ? config : config.target(target)).load().migrate();
    }

    /** Merges the chat's due rows the way the dispatcher does: the notices behind them, flat. */
    private RobotOutbox.Row mergeDue(String chat) {
        List<RobotOutbox.Row> due = outbox.due(chat, clock.instant(), 100);
        List<RobotOutbox.Row> originals = due.stream().flatMap(r -> outbox.originals(r).stream())
                .sorted(RobotOutbox.QUEUE_ORDER).toList();
        RobotSummary.Plan plan = RobotSummary.plan(Wording.defaults(), originals, originals.size(), RobotDispatcher.MARKDOWN_MAX_BYTES);
        return outbox.merge(chat, due, plan.listed(), plan.text());
    }

    private String status(long id) {
        return jdbc.sql("select status from wecom_robot_outbox where id = ?").param(id).query(String.class).single();
    }

    private Long mergedInto(long id) {
        return jdbc.sql("select merged_into from wecom_robot_outbox where id = ?").param(id).query(Long.class)
                .optional().orElse(null);
    }

    private long idOf(String body) {
        return jdbc.sql("select id from wecom_robot_outbox where body = ?").param(body).query(Long.class).single();
    }

    @Test
    void queuesMergesAndMarksSentOnPostgres() {
        migrate(null);
        assertThat(outbox.add("wr_a", "一", "k1")).isTrue();
        assertThat(outbox.add("wr_a", "一", "k1")).as("same dedup key").isFalse();
        assertThat(outbox.add("wr_a", "二", null)).isTrue();
        assertThat(outbox.add("wr_a", "三", null)).isTrue();
        assertThat(outbox.chatsWithDue(clock.instant())).containsExactly("wr_a");
        List<RobotOutbox.Row> due = outbox.due("wr_a", clock.instant(), 10);
        assertThat(due).hasSize(3);

        RobotOutbox.Row merged = outbox.merge("wr_a", due, due, RobotSummary.text(Wording.defaults(), due, 0));
        assertThat(outbox.merge("wr_a", due, due, "again")).as("rows already merged are not merged twice").isNull();
        // only the summary row is due now, stored with the summary's text
        assertThat(outbox.due("wr_a", clock.instant(), 10)).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(merged.id());
            assertThat(r.body()).isEqualTo("**汇总通知（共 3 条）**\n\n1. 一\n\n2. 二\n\n3. 三");
            assertThat(r.originals()).isEqualTo(3);
        });

        outbox.retryLater(merged.id(), 1, clock.instant().plus(Duration.ofSeconds(2)), "errcode -1");
        assertThat(outbox.due("wr_a", clock.instant(), 10)).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(outbox.due("wr_a", clock.instant(), 10)).hasSize(1);
        outbox.partSent(merged.id(), 1, 2);
        assertThat(outbox.due("wr_a", clock.instant(), 10)).singleElement()
                .satisfies(r -> assertThat(r.partsSent()).isEqualTo(1));
        outbox.partSent(merged.id(), 2, 2);
        assertThat(outbox.pending("wr_a")).isZero();
        assertThat(outbox.count("SENT")).isEqualTo(1);
        assertThat(outbox.count("MERGED")).isEqualTo(3);
        assertThat(outbox.purgeDone(clock.instant().minus(Duration.ofDays(7)))).isZero();
        assertThat(outbox.purgeDone(clock.instant().plusSeconds(1))).isEqualTo(4);
    }

    @Test
    void aSummaryMergedIntoANewSummaryHandsOverItsNoticesNotItsText() {
        migrate(null);
        outbox.add("wr_b", "一", "b1");
        clock.advance(Duration.ofSeconds(1));
        outbox.add("wr_b", "二", "b2");
        RobotOutbox.Row first = mergeDue("wr_b");
        // the robot is down: the summary waits for its retry, and what is queued meanwhile waits behind it
        outbox.retryLater(first.id(), 1, clock.instant().plus(Duration.ofSeconds(4)), "errcode -1");
        clock.advance(Duration.ofSeconds(1));
        outbox.add("wr_b", "三", "b3");
        clock.advance(Duration.ofSeconds(1));
        outbox.add("wr_b", "四", "b4");
        assertThat(outbox.due("wr_b", clock.instant(), 10)).as("nothing overtakes the held-back summary").isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(outbox.waitingNotices("wr_b")).isEqualTo(4);

        RobotOutbox.Row second = mergeDue("wr_b");
        assertThat(second.body()).isEqualTo("**汇总通知（共 4 条）**\n\n1. 一\n\n2. 二\n\n3. 三\n\n4. 四");
        assertThat(outbox.originals(second)).extracting(RobotOutbox.Row::body).containsExactly("一", "二", "三", "四");
        // every notice points at the new summary; the replaced one is never sent and lists nothing
        for (String n : List.of("一", "二", "三", "四")) {
            assertThat(mergedInto(idOf(n))).as(n).isEqualTo(second.id());
        }
        assertThat(status(first.id())).isEqualTo("MERGED");
        assertThat(outbox.originals(first)).isEmpty();
        assertThat(outbox.due("wr_b", clock.instant(), 10)).extracting(RobotOutbox.Row::id).containsExactly(second.id());
        assertThat(outbox.merge("wr_b", List.of(first), outbox.originals(second), "again"))
                .as("a replaced summary is not merged (or sent) again").isNull();
        assertThat(outbox.waitingNotices("wr_b")).isEqualTo(4);
        // dedup keys of the notices keep refusing repeats
        assertThat(outbox.add("wr_b", "三", "b3")).isFalse();
        // the notices (and the replaced summary) stay until their summary is sent
        assertThat(outbox.purgeDone(clock.instant().plusSeconds(1))).isZero();
        assertThat(outbox.originals(second)).hasSize(4);
        outbox.partSent(second.id(), 1, 1);
        assertThat(outbox.purgeDone(clock.instant().plusSeconds(1))).isEqualTo(6);
    }

    @Test
    void noticesOfAReplacedSummaryThatAreNotListedGoBackToTheQueueInOrder() {
        migrate(null);
        for (String n : List.of("一", "二", "三")) {
            outbox.add("wr_c", n, null);
            clock.advance(Duration.ofSeconds(1));
        }
        RobotOutbox.Row first = mergeDue("wr_c");
        List<RobotOutbox.Row> notices = outbox.originals(first);
        RobotOutbox.Row second = outbox.merge("wr_c", List.of(first), notices.subList(0, 2),
                RobotSummary.text(Wording.defaults(), notices.subList(0, 2), 1));
        assertThat(second.body()).isEqualTo("**汇总通知（共 2 条）**\n\n1. 一\n\n2. 二\n\n> 另有 1 条通知未列入本条，见随后的消息");
        assertThat(outbox.due("wr_c", clock.instant(), 10)).extracting(RobotOutbox.Row::body)
                .containsExactly(second.body(), "三");
        assertThat(mergedInto(idOf("三"))).isNull();
        assertThat(status(idOf("三"))).isEqualTo("PENDING");
    }

    @Test
    void summariesNestedBeforeV43AreOpenedToTheirNoticesAfterTheMigration() {
        migrate("41");
        // (explicit ids above those the identity hands out to the rows queued after the migration)
        Instant t0 = clock.instant();
        String insert = """
                insert into wecom_robot_outbox (id, chat_id, body, status, next_attempt_at, merged_into, created_at)
                values (?, 'wr_old', ?, ?, ?, ?, ?)""";
        jdbc.sql(insert).params(1001, "一", "MERGED", RobotOutbox.ts(t0), 1003, RobotOutbox.ts(t0)).update();
        jdbc.sql(insert).params(1002, "二", "MERGED", RobotOutbox.ts(t0), 1003, RobotOutbox.ts(t0.plusSeconds(1))).update();
        jdbc.sql(insert).params(1003, "**汇总通知（共 2 条）**\n\n1. 一\n\n2. 二", "MERGED", RobotOutbox.ts(t0), 1005,
                RobotOutbox.ts(t0.plusSeconds(2))).update();
        jdbc.sql(insert).params(1004, "三", "MERGED", RobotOutbox.ts(t0), 1005, RobotOutbox.ts(t0.plusSeconds(3))).update();
        jdbc.sql(insert).params(1005, "**汇总通知（共 2 条）**\n\n1. **汇总通知（共 2 条）** …\n\n2. 三", "PENDING",
                RobotOutbox.ts(t0), null, RobotOutbox.ts(t0.plusSeconds(4))).update();
        migrate(null);
        clock.advance(Duration.ofSeconds(10));
        outbox.add("wr_old", "四", null);

        List<RobotOutbox.Row> due = outbox.due("wr_old", clock.instant(), 10);
        assertThat(due).extracting(RobotOutbox.Row::id).first().isEqualTo(1005L);
        assertThat(due.get(0).isSummary()).isTrue();
        // (the migration takes the earliest of the rows merged into it: one level down, enough to go first)
        assertThat(due.get(0).queuedAt()).isBefore(due.get(1).queuedAt());
        assertThat(outbox.originals(due.get(0))).extracting(RobotOutbox.Row::body).containsExactly("一", "二", "三");
        RobotOutbox.Row flat = mergeDue("wr_old");
        assertThat(flat.body()).isEqualTo("**汇总通知（共 4 条）**\n\n1. 一\n\n2. 二\n\n3. 三\n\n4. 四");
        assertThat(flat.originals()).isEqualTo(4);
    }
}
