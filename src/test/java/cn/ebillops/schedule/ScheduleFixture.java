package cn.ebillops.schedule;

import cn.ebillops.channel.Attachment;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.channel.Reply;
import cn.ebillops.duty.DutyFixture;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.Inspector;
import cn.ebillops.testsupport.MutableClock;
import cn.ebillops.wording.Wording;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service calendar wired by hand (no Spring context): real bot-config files, a database
 * migrated by Flyway, a recording chat route and a recording inspector; the other modules' sources
 * as they stand before anything was measured (no certificate read, an empty year).
 */
final class ScheduleFixture implements AutoCloseable {

    record InspectionCall(LocalDateTime at, Set<InspectionScope> scopes, String trigger) {
    }

    final DutyFixture duty;
    final MutableClock clock;
    final HikariDataSource dataSource;
    final NoticeLedger ledger;
    final NoticePlanner planner;
    final NoticeService notices;
    final List<InspectionCall> inspections = new CopyOnWriteArrayList<>();
    /** When set, the inspector throws (an unreachable inspection module). */
    final AtomicBoolean inspectorFails = new AtomicBoolean();

    /** One in-memory H2 database (PostgreSQL mode) per test JVM, migrated once: Flyway is the slow part. */
    private static final String H2_URL = "jdbc:h2:mem:sched-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private static final AtomicBoolean H2_MIGRATED = new AtomicBoolean();
    /** Not read from the signing server yet: the date in duty.yaml applies. */
    private static final CertificateExpirySource NO_CERTIFICATE_READ = Optional::empty;
    /** The report module's links, as it gives them. */
    private static final QuarterlyReportSource REPORT_LINKS = new QuarterlyReportSource() {
        @Override
        public Optional<Reply.Link> inspectionReport(InspectionRun run) {
            return Optional.of(new Reply.Link("季度巡检报告（Word）", "/api/reports/inspections/" + run.id() + ".docx"));
        }

        @Override
        public Optional<Reply.Link> improvementReport(InspectionRun run) {
            return Optional.of(new Reply.Link("改进建议报告（Word）",
                    "/api/reports/inspections/" + run.id() + "/improvement.docx"));
        }
    };
    /** The report module's Word report of an inspection: a stand-in document named as the real one is. */
    static final RoutineReportFile REPORT_FILE = new RoutineReportFile(
            id -> Optional.of(new Attachment("巡检报告-" + id + ".docx", ("PK docx of run " + id).getBytes())),
            new cn.ebillops.testsupport.TestReportUrls("/api/reports/inspections/"));
    /** A year with nothing recorded. */
    private static final AnnualSummarySource EMPTY_YEAR = year -> new AnnualSummarySource.AnnualSummary(year, 0, 0,
            -1, -1, 0, 0);
    static final AnnualReportLink ANNUAL_LINK = year -> "http://127.0.0.1:8080/api/reports/annual/" + year + ".docx?sig=t";

    /** The shared H2 database with empty notice tables (tests of this package run one after another). */
    static ScheduleFixture h2(MutableClock clock) {
        ScheduleFixture f = new ScheduleFixture(clock, H2_URL, "sa", H2_MIGRATED.compareAndSet(false, true));
        JdbcClient jdbc = JdbcClient.create(f.dataSource);
        jdbc.sql("delete from notice").update();
        jdbc.sql("delete from notice_epoch").update();
        return f;
    }

    ScheduleFixture(MutableClock clock, String url, String user, boolean migrate) {
        this.clock = clock;
        this.duty = new DutyFixture(clock);
        this.dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setMaximumPoolSize(4);
        dataSource.setConnectionTimeout(5000);
        if (migrate) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        }
        this.ledger = new NoticeLedger(JdbcClient.create(dataSource));
        ScheduleSettings settings = ScheduleSettingsLoader.load(duty.files.read("duty.yaml"), duty.config);
        Inspector inspector = (scopes, trigger) -> {
            inspections.add(new InspectionCall(clock.local(), scopes, trigger));
            if (inspectorFails.get()) {
                throw new IllegalStateException("inspection module unavailable");
            }
            Instant now = clock.instant();
            return new InspectionRun(inspections.size(), scopes, trigger, now, now, List.of(
                    new CheckResult("disk:app", "服务器磁盘使用率", List.of(8), "app-server", CheckStatus.OK,
                            Map.of("used", "41%"), "41%", "", Duration.ofMillis(5)),
                    new CheckResult("backup:ebill", "数据备份", List.of(7), "ebill-oracle", CheckStatus.WARN,
                            Map.of(), "最近一次备份 30 小时前", "检查备份任务", Duration.ofMillis(5))));
        };
        this.planner = new NoticePlanner(duty.calendar, settings, NO_CERTIFICATE_READ, Wording.defaults(), clock);
        NoticeGroups groups = new NoticeGroups(duty.sender, duty.config, settings, Wording.defaults());
        List<NoticeHandler> handlers = List.of(
                new HolidayDutyNotifier(duty.duty, groups),
                new PreHolidayRoutine(inspector, duty.duty, groups, REPORT_FILE),
                new QuarterlyInspection(inspector, REPORT_LINKS, duty.duty, groups, REPORT_FILE),
                new AnnualMeetingReminder(EMPTY_YEAR, duty.duty, groups, ANNUAL_LINK),
                new CertificateExpiryReminder(planner, duty.duty, groups),
                new CalendarMissingReminder(duty.sender, duty.config, Wording.defaults()));
        this.notices = new NoticeService(planner, ledger, handlers, settings, duty.sender, duty.config, clock,
                Duration.ofMinutes(30), Wording.defaults());
    }

    /** Only the planner (no database): real calendar and settings, no certificate read. */
    static NoticePlanner planner(DutyFixture duty) {
        ScheduleSettings settings = ScheduleSettingsLoader.load(duty.files.read("duty.yaml"), duty.config);
        return new NoticePlanner(duty.calendar, settings, NO_CERTIFICATE_READ, Wording.defaults(), duty.clock);
    }

    /** A second instance on the same database (own pool, own owner id), sharing the clock. */
    ScheduleFixture secondInstance() {
        return new ScheduleFixture(clock, dataSource.getJdbcUrl(), dataSource.getUsername(), false);
    }

    List<OutboundMessage> sent() {
        return duty.sent;
    }

    /** Group messages whose dedup key belongs to the notice. */
    List<OutboundMessage> sentFor(NoticeKind kind, String occasion) {
        return duty.sent.stream().filter(m -> m.dedupKey() != null
                && m.dedupKey().startsWith("notice/" + kind.code() + "/" + occasion + "/")).toList();
    }

    /** Evaluates every job at each step from the clock's time until {@code until}. */
    void runUntil(String until, Duration step) {
        Instant end = LocalDateTime.parse(until).atZone(clock.getZone()).toInstant();
        while (!clock.instant().isAfter(end)) {
            for (ScheduledJob job : ScheduledJob.values()) {
                notices.evaluate(job);
            }
            clock.advance(step);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
