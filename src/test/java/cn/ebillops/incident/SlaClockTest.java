package cn.ebillops.incident;

import cn.ebillops.contract.SigningGrade;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.clock.ClockStep;
import cn.ebillops.incident.clock.SlaClock;
import cn.ebillops.incident.clock.SlaClockService;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionScope;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The contract's clocks, driven by moving the injected clock and calling the jobs' service method. */
class SlaClockTest extends IncidentSpringTestBase {

    @Autowired SlaClockService clocks;

    private Incident open(Severity severity, Area area) {
        Incident i = service.report(report("chenxia", "wr_cashier", severity, area)).incident();
        // The opening notice and the diagnosis run in the background, and the diagnosis goes to two
        // groups: wait for all of it (not the first copy) so no late copy mixes with the clock notices.
        awaitBackgroundWork();
        assertThat(channel.toGroup("wr_cashier")).anyMatch(m -> m.markdown().contains("自动诊断"));
        assertThat(channel.toGroup("wr_it")).anyMatch(m -> m.markdown().contains("自动诊断"));
        channel.clear();
        return i;
    }

    private List<String> dmRecipients() {
        return channel.sent().stream().filter(OutboundMessage::isDirect).map(OutboundMessage::toUser).toList();
    }

    @Test
    void remindsTheDutyEngineerTenMinutesBeforeTheResponseDeadline() {
        Incident i = open(Severity.II, Area.ISSUANCE);
        clock.advance(Duration.ofMinutes(19));
        assertThat(clocks.fireDue(i.number())).isZero();

        clock.advance(Duration.ofMinutes(1)); // 10:20, deadline 10:30
        assertThat(clocks.fireDue(i.number())).isEqualTo(1);
        OutboundMessage reminder = channel.directTo("zhanggong").get(0);
        assertThat(reminder.markdown()).contains("提醒", i.ref(), "响应时限（10:30）", "还有 10 分钟", "/ack " + i.number());
        assertThat(channel.toGroup("wr_cashier")).as("reminders go to the engineer only").isEmpty();

        assertThat(clocks.fireDue(i.number())).as("never twice").isZero();
    }

    @Test
    void escalatesWhenResponseDeadlinePassesInOrderEngineerBackupManager() {
        Incident i = open(Severity.I, Area.SYSTEM);
        clock.advance(Duration.ofMinutes(30));
        clocks.fireDue(i.number());
        clock.advance(Duration.ofMinutes(15));
        clocks.fireDue(i.number());
        clock.advance(Duration.ofMinutes(15));
        clocks.fireDue(i.number());
        clocks.fireDue(i.number());

        // reminder at 10:20 is too late at 10:30 (the escalation speaks instead), then the three steps
        assertThat(dmRecipients()).containsExactly("zhanggong", "ligong", "wangjingli");
        List<OutboundMessage> group = channel.toGroup("wr_cashier");
        assertThat(group).hasSize(3);
        assertThat(group.get(0).markdown()).contains("升级（第 1 级）", "已超过响应时限 30 分钟", "张工（值班工程师 13800138001）");
        assertThat(group.get(0).mentionUserIds()).containsExactly("zhanggong");
        assertThat(group.get(2).markdown()).contains("第 3 级", "王经理（项目经理");
        assertThat(channel.toGroup("wr_it")).as("copied to the configured notify group").hasSize(3);
        assertThat(service.timeline(i.number())).filteredOn(e -> e.kind().equals("ESCALATED")).hasSize(3);
    }

    @Test
    void acknowledgementStopsTheResponseClock() {
        Incident i = open(Severity.II, Area.ISSUANCE);
        clock.advance(Duration.ofMinutes(12));
        service.acknowledge(i.number(), person("zhanggong"), false);
        assertThat(jobs(i)).noneMatch(j -> j.startsWith("RESPONSE"));

        clock.advance(Duration.ofMinutes(60));
        clocks.fireDue(i.number());
        // a left-over job (e.g. from another instance) does nothing either
        assertThat(clocks.fire(new ClockStep(i.number(), SlaClock.RESPONSE, 0, i.responseDeadline().toEpochMilli())))
                .isFalse();
        assertThat(channel.sent()).noneMatch(m -> m.markdown().contains("响应时限"));
    }

    @Test
    void aStepThatIsNotDueYetDoesNothingAndAStaleDeadlineIsIgnored() {
        Incident i = open(Severity.II, Area.ISSUANCE);
        ClockStep e0 = new ClockStep(i.number(), SlaClock.RESPONSE, 0, i.responseDeadline().toEpochMilli());
        assertThat(clocks.fire(e0)).isFalse();
        clock.advance(Duration.ofMinutes(31));
        assertThat(clocks.fire(new ClockStep(i.number(), SlaClock.RESPONSE, 0, 12345L))).isFalse();
        assertThat(clocks.fire(e0)).isTrue();
        assertThat(clocks.fire(e0)).as("idempotent per incident+clock+step").isFalse();
    }

    @Test
    void engineerMessagesCarryTheIncidentsButtons() {
        Incident i = open(Severity.II, Area.ISSUANCE);
        clock.advance(Duration.ofMinutes(31));
        clocks.fireDue(i.number());
        assertThat(channel.directTo("zhanggong")).singleElement().satisfies(m -> assertThat(m.buttons())
                .extracting(OutboundMessage.Button::label, OutboundMessage.Button::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("接单", "incident:ACK:" + i.number()),
                        org.assertj.core.groups.Tuple.tuple("已到场", "incident:ONSITE:" + i.number()),
                        org.assertj.core.groups.Tuple.tuple("已解决", "incident:RESOLVE:" + i.number())));
    }

    @Test
    void anEscalationWhoseDirectMessageFailedIsSentAgainAfterTheClaimLease() {
        Incident i = open(Severity.II, Area.ISSUANCE);
        channel.failDirectTo("zhanggong");
        clock.advance(Duration.ofMinutes(31)); // first escalation step due
        assertThat(clocks.fireDue(i.number())).as("not delivered, not counted as sent").isZero();
        assertThat(service.timeline(i.number())).noneMatch(e -> e.kind().equals("ESCALATED"));

        channel.failDirectTo(null);
        clock.advance(Duration.ofMinutes(2));
        assertThat(clocks.fireDue(i.number())).as("the failed claim is still leased").isZero();
        clock.advance(Duration.ofMinutes(4)); // past the 5-minute lease
        assertThat(clocks.fireDue(i.number())).isEqualTo(1);
        assertThat(channel.directTo("zhanggong")).singleElement()
                .satisfies(m -> assertThat(m.markdown()).contains("升级（第 1 级）"));
        assertThat(channel.toGroup("wr_cashier")).extracting(OutboundMessage::dedupKey)
                .as("the group notice was repeated with the same key, which the robot outbox refuses").hasSize(2)
                .containsOnly(channel.toGroup("wr_cashier").get(0).dedupKey());
        assertThat(service.timeline(i.number())).filteredOn(e -> e.kind().equals("ESCALATED")).hasSize(1);
        assertThat(clocks.fireDue(i.number())).isZero();
    }

    @Test
    void theSweepSendsWhatIsDueEvenWithoutTheStepsOwnJob() throws Exception {
        Incident i = open(Severity.II, Area.ISSUANCE);
        scheduler.clear(); // as if the job store had been unreachable when the incident opened
        clock.advance(Duration.ofMinutes(31));
        assertThat(clocks.sweep()).isEqualTo(1);
        assertThat(dmRecipients()).containsExactly("zhanggong");
        assertThat(clocks.sweep()).isZero();
    }

    @Test
    void onsiteClockStartsWhenMarkedNotRemotelySolvableAndStopsOnArrival() {
        Incident i = open(Severity.II, Area.ISSUANCE);
        clock.advance(Duration.ofMinutes(10));
        String answer = say("zhanggong", "wr_cashier", "/ack " + i.number() + " 需上门");
        assertThat(answer).contains("需上门", "上门时限 14:10");
        assertThat(jobs(i)).contains("ONSITE-R", "ONSITE-E0");

        clock.advance(Duration.ofHours(4));
        clocks.fireDue(i.number());
        assertThat(channel.toGroup("wr_cashier")).anySatisfy(m ->
                assertThat(m.markdown()).contains("无法远程解决，已超过 4 小时上门时限"));

        clock.advance(Duration.ofMinutes(5));
        assertThat(say("zhanggong", "wr_cashier", "/onsite")).contains("张工 已到场");
        assertThat(jobs(i)).noneMatch(j -> j.startsWith("ONSITE"));
        assertThat(service.timeline(i.number())).anySatisfy(e ->
                assertThat(e.note()).contains("已到场", "超过上门时限"));
    }

    @Test
    void remoteNoStartsTheOnsiteClockToo() {
        Incident i = open(Severity.III, Area.ARCHIVE);
        assertThat(say("chenxia", "wr_cashier", "/remote " + i.number() + " no")).contains("只有运维工程师");
        assertThat(say("ligong", "wr_cashier", "/remote " + i.number() + " no")).contains("上门时限 14:00");
        assertThat(service.find(i.number()).orElseThrow().onsiteDeadline()).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(jobs(i)).contains("ONSITE-E0", "RESPONSE-E0");
    }

    @Test
    void resolutionTargetFollowsTheLevel() {
        Incident i = open(Severity.I, Area.SYSTEM);
        assertThat(i.resolutionDeadline()).isEqualTo(T0.plus(Duration.ofHours(4)));
        service.acknowledge(i.number(), person("zhanggong"), false);
        clock.advance(Duration.ofHours(4));
        clocks.fireDue(i.number());
        assertThat(channel.directTo("zhanggong")).anySatisfy(m ->
                assertThat(m.markdown()).contains("已超过 I级解决目标 4 小时"));
    }

    @Test
    void signingLoanerDeadlineIs48HoursForGeneralAnd24WhenTheServiceStopped() {
        Incident general = open(Severity.II, Area.SIGNING);
        assertThat(general.signingGrade()).contains(SigningGrade.GENERAL);
        assertThat(general.loanerDeadline()).isEqualTo(T0.plus(Duration.ofHours(48)));
        assertThat(jobs(general)).contains("LOANER-E0");
        service.close(general.number(), person("zhanggong"));

        inspector.set(InspectionScope.SIGNING, CheckStatus.FAIL);
        Incident stopped = service.report(report("chenxia", "wr_cashier", Severity.II, Area.SIGNING)).incident();
        awaitBackgroundWork(); // the diagnosis finds the signing service stopped
        Incident severe = service.find(stopped.number()).orElseThrow();
        assertThat(severe.signingGrade()).contains(SigningGrade.SEVERE);
        assertThat(severe.loanerDeadline()).isEqualTo(T0.plus(Duration.ofHours(24)));

        service.acknowledge(severe.number(), person("zhanggong"), false);
        channel.clear();
        clock.advance(Duration.ofHours(24));
        clocks.fireDue(severe.number());
        assertThat(channel.toGroup("wr_cashier")).anySatisfy(m ->
                assertThat(m.markdown()).contains("签名验签服务器「严重」故障", "24 小时内未解决", "相同档次的设备临时使用"));

        Incident minor = service.report(report("liufang", "wr_it", Severity.III, Area.ISSUANCE)).incident();
        assertThat(minor.loanerDeadline()).as("not a signing incident").isNull();
    }

    @Test
    void signingMinorHasNoLoanerDeadline() {
        Incident i = open(Severity.III, Area.SIGNING);
        assertThat(i.signingGrade()).contains(SigningGrade.MINOR);
        assertThat(i.loanerDeadline()).isNull();
        assertThat(say("zhanggong", "wr_cashier", "/level " + i.number() + " I")).contains("备用设备时限");
        assertThat(service.find(i.number()).orElseThrow().loanerDeadline()).isEqualTo(T0.plus(Duration.ofHours(24)));
    }

    private List<String> jobs(Incident i) {
        try {
            return scheduler.getJobKeys(org.quartz.impl.matchers.GroupMatcher.jobGroupEquals("incident-" + i.number()))
                    .stream().map(org.quartz.JobKey::getName).toList();
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
