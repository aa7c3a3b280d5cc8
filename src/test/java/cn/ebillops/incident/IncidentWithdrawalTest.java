package cn.ebillops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.stats.IncidentStatistics;
import cn.ebillops.incident.stats.IncidentStatisticsService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A report that was no fault is withdrawn ("不是故障", /cancel): clocks stop, the engineer hears of it, the
 * record stays as withdrawn and out of the statistics. A question is answered with an offer, and only the
 * asker's 「报故障」 turns it into an incident.
 */
class IncidentWithdrawalTest extends IncidentSpringTestBase {

    @Autowired IncidentStatisticsService statistics;

    @Test
    void theReporterSayingItWasNoFaultWithdrawsTheIncidentStopsItsClocksAndTellsTheEngineer() {
        Incident i = service.report(report("chenxia", "wr_cashier", Severity.II, Area.ISSUANCE)).incident();
        assertThat(scheduledJobs(i)).isNotEmpty();

        String answer = say("chenxia", "wr_cashier", "不好意思，不是故障，是我自己操作错了");

        Incident after = service.find(i.number()).orElseThrow();
        assertThat(after.status()).isEqualTo(IncidentStatus.WITHDRAWN);
        assertThat(after.status().isOpen()).isFalse();
        assertThat(answer).contains("已撤销", i.ref(), "张工");
        assertThat(scheduledJobs(i)).as("no reminder or escalation after withdrawal").isEmpty();
        assertThat(service.timeline(i.number())).anyMatch(e -> e.kind().equals("WITHDRAWN"));
        channel.await(m -> "zhanggong".equals(m.toUser()) && m.markdown().contains("撤销"), Duration.ofSeconds(2));
        // no step of a stopped clock fires later
        clock.advance(Duration.ofHours(9));
        assertThat(after.breached(cn.ebillops.incident.clock.SlaClock.RESPONSE, clock.instant())).isFalse();
    }

    @Test
    void withdrawnIncidentsAreKeptButLeftOutOfTheStatistics() {
        Incident fault = service.report(report("chenxia", "wr_cashier", Severity.III, Area.DELIVERY)).incident();
        Incident mistake = service.report(report("liufang", "wr_other", Severity.II, Area.SIGNING)).incident();
        say("liufang", "wr_other", "/cancel " + mistake.number() + " 是UKey没插好");

        IncidentStatistics s = statistics.statistics(ReportPeriod.parse("2026Q4", clock.getZone()).orElseThrow());
        assertThat(s.total()).isEqualTo(1);
        assertThat(s.withdrawn()).isEqualTo(1);
        assertThat(s.incidents()).extracting(IncidentStatistics.IncidentLine::number).containsExactly(fault.number());
        assertThat(s.bySeverity().get(Severity.II)).isZero();
        assertThat(statistics.text(s)).contains("故障总数：1", "另有 1 次报告经确认不是故障");
        assertThat(service.find(mistake.number()).orElseThrow().status()).isEqualTo(IncidentStatus.WITHDRAWN);
    }

    @Test
    void onlyTheReporterOrAnEngineerMayWithdrawAndOnlyWhileOpen() {
        Incident i = service.report(report("chenxia", "wr_cashier", Severity.II, Area.ISSUANCE)).incident();

        assertThat(say("liufang", "wr_cashier", "/cancel " + i.number())).contains("只有故障单", "未做更改");
        assertThat(service.find(i.number()).orElseThrow().status()).isEqualTo(IncidentStatus.OPEN);

        assertThat(say("zhanggong", "wr_cashier", "/cancel " + i.number() + " 培训环境")).contains("已撤销");
        assertThat(say("zhanggong", "wr_cashier", "/cancel " + i.number())).contains("不能撤销");
        assertThat(say("zhanggong", "wr_cashier", "/cancel 999999")).contains("找不到故障单");
    }

    @Test
    void aHowToQuestionIsAnsweredWithAnOfferAndTheAskersReplyOpensTheIncidentFromIt() {
        String answer = say("chenxia", "wr_cashier", "发票抬头写错了怎么改");
        assertThat(answer).contains("「报故障」");
        assertThat(service.openIncidents()).as("a question opens nothing").isEmpty();

        // someone else's 「报故障」 does not take chenxia's question
        assertThat(say("liufang", "wr_cashier", "报故障")).contains("请直接描述故障现象");
        assertThat(service.openIncidents()).isEmpty();

        String opened = say("chenxia", "wr_cashier", "报故障！");
        List<Incident> open = service.openIncidents();
        assertThat(open).hasSize(1);
        assertThat(opened).contains("已建 **故障单 " + open.get(0).ref());
        assertThat(open.get(0).summary()).contains("发票抬头写错了怎么改");
        assertThat(service.reporters(open.get(0).number())).extracting(Reporter::userId).containsExactly("chenxia");

        // the offer is used up: a second 「报故障」 asks for a description instead of a second incident
        assertThat(say("chenxia", "wr_cashier", "报故障")).contains("请直接描述故障现象");
        assertThat(service.openIncidents()).hasSize(1);
    }

    @Test
    void aQuestionThatAlsoReportsAWholeHospitalOutageOpensTheIncidentAtOnce() {
        String answer = say("chenxia", "wr_cashier", "全院都登不上，是不是挂了？");
        assertThat(service.openIncidents()).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(Severity.I);
            assertThat(answer).contains(i.ref());
        });
        assertThat(answer).doesNotContain("「报故障」");
    }

    private List<String> scheduledJobs(Incident i) {
        try {
            return scheduler.getJobKeys(GroupMatcher.jobGroupEquals("incident-" + i.number())).stream()
                    .map(JobKey::getName).toList();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
