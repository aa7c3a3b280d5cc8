package cn.ebillops.incident.clock;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.FaultReport;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentEvent;
import cn.ebillops.incident.IncidentFixture;
import cn.ebillops.incident.IncidentSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reminders and escalation steps, fired by moving the clock; no Spring, no Quartz. */
class SlaClockServiceTest {

    private IncidentFixture f = new IncidentFixture();
    private SlaClockService clocks = f.clocks();
    private final Instant t0 = IncidentFixture.T0;

    private Incident open(Severity severity, Area area) {
        return f.service.report(new FaultReport(f.person("chenxia"), "wr_cashier", "开票失败", severity, area))
                .incident();
    }

    private List<String> directRecipients() {
        return f.sent.stream().filter(OutboundMessage::isDirect).map(OutboundMessage::toUser).toList();
    }

    private List<IncidentEvent> events(Incident i, String kind) {
        return f.service.timeline(i.number()).stream().filter(e -> e.kind().equals(kind)).toList();
    }

    private static IncidentSettings settings(String yaml) {
        return IncidentSettings.from(BotConfigFiles.parse(IncidentSettings.FILE,
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void remindsTheDutyEngineerTenMinutesBeforeTheResponseDeadlineOnce() {
        Incident i = open(Severity.II, Area.ISSUANCE);
        f.clock.advance(Duration.ofMinutes(20).minusSeconds(1));
        assertThat(clocks.fireDue(i.number())).isZero();

        f.clock.advance(Duration.ofSeconds(1)); // 10:20, deadline 10:30
        assertThat(clocks.fireDue(i.number())).isEqualTo(1);
        assertThat(f.directTo("zhanggong")).singleElement().extracting(OutboundMessage::markdown).asString()
                .contains("提醒", i.ref(), "响应时限（10:30）", "还有 10 分钟", "/ack " + i.number());
        assertThat(f.toGroup("wr_cashier")).as("reminders go to the engineer only").isEmpty();
        assertThat(events(i, "REMINDER")).singleElement().extracting(IncidentEvent::note).asString()
                .contains("响应时限提醒已发给 张工");
        assertThat(events(i, "ESCALATED")).as("a reminder is no escalation").isEmpty();

        assertThat(clocks.fireDue(i.number())).as("never twice").isZero();
    }

    @Test
    void escalatesWhenTheResponseDeadlinePassesInOrderEngineerBackupManager() {
        Incident i = open(Severity.I, Area.SYSTEM);
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(clocks.fireDue(i.number())).as("the reminder is too late now: only step 1").isEqualTo(1);
        f.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(clocks.fireDue(i.number())).isZero();
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(clocks.fireDue(i.number())).isEqualTo(1);
        f.clock.advance(Duration.ofMinutes(15));
        assertThat(clocks.fireDue(i.number())).isEqualTo(1);

        assertThat(directRecipients()).containsExactly("zhanggong", "ligong", "wangjingli");
        assertThat(f.directTo("ligong").get(0).markdown()).contains("升级（第 2 级）", "李工（备班工程师", "/ack " + i.number());
        assertThat(f.directTo("ligong").get(0).buttons()).isNotEmpty();
        List<OutboundMessage> group = f.toGroup("wr_cashier");
        assertThat(group).hasSize(3);
        assertThat(group.get(0).markdown()).contains("升级（第 1 级）", "已超过响应时限 30 分钟", "张工（值班工程师 13800138001）");
        assertThat(group.get(0).mentionUserIds()).containsExactly("zhanggong");
        assertThat(group.get(2).markdown()).contains("第 3 级", "王经理（项目经理");
        assertThat(f.toGroup("wr_it")).as("copied to the configured notify group").hasSize(3);
        assertThat(events(i, "ESCALATED")).extracting(IncidentEvent::note)
                .containsExactly("响应时限已过，第 1 级升级：张工（值班工程师 13800138001）",
                        "响应时限已过，第 2 级升级：李工（备班工程师 13800138002）",
                        "响应时限已过，第 3 级升级：王经理（项目经理 13800138003）");
    }

    @Test
    void aMissingBackupEngineerDoesNotSkipTheStepTheDutyEngineerIsCalledAgainAndTheGroupIsTold() {
        clocks = f.clocks("zhanggong", Optional.empty(), Optional.of("wangjingli"));
        Incident i = open(Severity.I, Area.SYSTEM);
        f.clock.advance(Duration.ofMinutes(45)); // step 2 (backup) is due 15 min after the deadline

        assertThat(clocks.fireDue(i.number())).as("steps 1 and 2 both sent").isEqualTo(2);

        assertThat(directRecipients()).containsExactly("zhanggong", "zhanggong");
        assertThat(f.toGroup("wr_cashier").get(1).markdown()).contains("升级（第 2 级）", "张工（值班工程师，未排备班");
        assertThat(f.toGroup("wr_cashier").get(1).mentionUserIds()).containsExactly("zhanggong");
        assertThat(events(i, "ESCALATED")).extracting(IncidentEvent::note)
                .anySatisfy(n -> assertThat(n).contains("第 2 级升级：张工（值班工程师，未排备班"));

        f.clock.advance(Duration.ofMinutes(15));
        assertThat(clocks.fireDue(i.number())).isEqualTo(1);
        assertThat(directRecipients()).last().isEqualTo("wangjingli");
    }

    @Test
    void aStepWithNobodyConfiguredStillGoesToTheGroupsNamingTheGap() {
        clocks = f.clocks("zhanggong", Optional.of("ligong"), Optional.empty());
        f.config.people(); // the manager comes from the roster only: here nobody
        clocks = f.clocks(new cn.ebillops.incident.EscalationContacts(IncidentFixture.NO_ROSTER,
                new cn.ebillops.config.BotConfig(f.config.hospital(), List.of(), f.config.groups())));
        Incident i = open(Severity.I, Area.SYSTEM);
        f.clock.advance(Duration.ofMinutes(20));
        assertThat(clocks.fireDue(i.number())).as("the reminder, to the groups").isEqualTo(1);
        assertThat(f.toGroup("wr_cashier")).singleElement().extracting(OutboundMessage::markdown).asString()
                .contains("提醒");
        assertThat(events(i, "REMINDER")).singleElement().extracting(IncidentEvent::note).asString()
                .contains("无可通知的工程师，已发群");

        f.clock.advance(Duration.ofMinutes(10));
        assertThat(clocks.fireDue(i.number())).isEqualTo(1);
        assertThat(directRecipients()).isEmpty();
        OutboundMessage step = f.toGroup("wr_cashier").get(1);
        assertThat(step.markdown()).contains("值班工程师（未配置）");
        assertThat(step.mentionUserIds()).isEmpty();
        assertThat(events(i, "ESCALATED")).as("recorded although nobody could be called directly").singleElement()
                .extracting(IncidentEvent::note).asString().contains("第 1 级升级：值班工程师（未配置）");
    }

    @Test
    void afterAcknowledgementTheResolutionReminderGoesToWhoeverTookTheIncident() {
        Incident i = open(Severity.I, Area.SYSTEM);
        f.service.acknowledge(i.number(), f.person("ligong"), false);
        f.clock.advance(Duration.ofHours(4).minusMinutes(10));
        assertThat(clocks.fireDue(i.number())).isEqualTo(1);
        assertThat(directRecipients()).containsExactly("ligong");
        assertThat(f.directTo("ligong").get(0).markdown()).contains("解决时限", "还有 10 分钟", "/resolve " + i.number());
    }

    @Test
    void acknowledgementStopsTheResponseClock() {
        Incident i = open(Severity.II, Area.ISSUANCE);
        f.service.acknowledge(i.number(), f.person("zhanggong"), false);
        f.clock.advance(Duration.ofMinutes(60));
        assertThat(clocks.fireDue(i.number())).isZero();
        assertThat(clocks.fire(new ClockStep(i.number(), SlaClock.RESPONSE, 0,
                t0.plus(Duration.ofMinutes(30)).toEpochMilli()))).isFalse();
        assertThat(f.sent).isEmpty();
    }

    @Test
    void aStepNotYetDueOrWithAMovedDeadlineOrOfAnUnknownIncidentDoesNothing() {
        Incident i = open(Severity.II, Area.ISSUANCE);
        long deadline = i.responseDeadline().toEpochMilli();
        f.clock.advance(Duration.ofMinutes(29));
        assertThat(clocks.fire(new ClockStep(i.number(), SlaClock.RESPONSE, 0, deadline))).as("not due").isFalse();
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(clocks.fire(new ClockStep(i.number(), SlaClock.RESPONSE, 0, deadline + 1))).as("stale").isFalse();
        assertThat(clocks.fire(new ClockStep(i.number() + 100, SlaClock.RESPONSE, 0, deadline))).isFalse();
        assertThat(clocks.fireDue(i.number() + 100)).isZero();
        assertThat(f.sent).isEmpty();
        assertThat(clocks.fire(new ClockStep(i.number(), SlaClock.RESPONSE, 0, deadline))).as("due now").isTrue();
        assertThat(clocks.fire(new ClockStep(i.number(), SlaClock.RESPONSE, 0, deadline))).as("once").isFalse();
    }

    @Test
    void aReminderFiredAtTheDeadlineIsTooLateAndStaysQuiet() {
        Incident i = open(Severity.II, Area.ISSUANCE);
        ClockStep reminder = new ClockStep(i.number(), SlaClock.RESPONSE, ClockStep.REMINDER,
                i.responseDeadline().toEpochMilli());
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(clocks.fire(reminder)).isFalse();
        assertThat(f.sent).isEmpty();
    }

    @Test
    void anEscalationWhoseDirectMessageFailedIsNotMarkedSentOrRecorded() {
        Incident i = open(Severity.II, Area.ISSUANCE);
        f.unreachable.add("zhanggong");
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(clocks.fireDue(i.number())).isZero();
        assertThat(f.repository.sentNotices(i.number())).isEmpty();
        assertThat(events(i, "ESCALATED")).isEmpty();
    }

    @Test
    void aReminderWhoseDirectMessageFailedIsNotRecorded() {
        Incident i = open(Severity.II, Area.ISSUANCE);
        f.unreachable.add("zhanggong");
        f.clock.advance(Duration.ofMinutes(20));
        assertThat(clocks.fireDue(i.number())).isZero();
        assertThat(events(i, "REMINDER")).isEmpty();
        assertThat(f.repository.sentNotices(i.number())).isEmpty();
    }

    @Test
    void eachClockSaysWhichPromiseWasBroken() {
        Incident i = open(Severity.II, Area.SIGNING);
        f.service.acknowledge(i.number(), f.person("zhanggong"), true); // 接单，需上门: 4 h on-site clock
        f.clock.advance(Duration.ofHours(48));
        clocks.fireDue(i.number());
        String group = String.join("\n", f.toGroup("wr_cashier").stream().map(OutboundMessage::markdown).toList());
        assertThat(group).contains("无法远程解决，已超过 4 小时上门时限", "仍未到场");
        assertThat(group).contains("已超过 II级解决目标 8 小时", "仍未解决");
        assertThat(group).contains("签名验签服务器「一般」故障 48 小时内未解决", "相同档次的设备");
        assertThat(group).doesNotContain("仍未接单");
        String dm = String.join("\n", f.directTo("zhanggong").stream().map(OutboundMessage::markdown).toList());
        assertThat(dm).contains("到场后请发送 `/onsite " + i.number(), "请安排备用设备");
    }

    @Test
    void withoutDirectMessagesTheGroupIsToldAndWithoutGroupOnlyThePersonIs() {
        f = new IncidentFixture(settings("escalation:\n  direct: false\n"));
        clocks = f.clocks();
        Incident i = open(Severity.II, Area.ISSUANCE);
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(clocks.fireDue(i.number())).isEqualTo(1);
        assertThat(directRecipients()).isEmpty();
        assertThat(f.toGroup("wr_cashier")).hasSize(1);

        f = new IncidentFixture(settings("escalation:\n  group: false\n"));
        clocks = f.clocks();
        Incident j = open(Severity.II, Area.ISSUANCE);
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(clocks.fireDue(j.number())).isEqualTo(1);
        assertThat(directRecipients()).containsExactly("zhanggong");
        assertThat(f.toGroup("wr_cashier")).isEmpty();
    }

    @Test
    void withoutRemindersOnlyTheEscalationStepsFire() {
        f = new IncidentFixture(settings("clocks:\n  reminderBefore: 0m\n"));
        clocks = f.clocks();
        Incident i = open(Severity.II, Area.ISSUANCE);
        f.clock.advance(Duration.ofMinutes(29));
        assertThat(clocks.fireDue(i.number())).isZero();
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(clocks.fireDue(i.number())).isEqualTo(1);
        assertThat(events(i, "REMINDER")).isEmpty();
    }

    @Test
    void theSweepFiresWhatIsDueOnEveryOpenIncident() {
        Incident a = open(Severity.II, Area.ISSUANCE);
        Incident b = open(Severity.II, Area.SYSTEM);
        f.clock.advance(Duration.ofMinutes(20));
        assertThat(clocks.sweep()).isEqualTo(2);
        assertThat(clocks.sweep()).isZero();
        assertThat(events(a, "REMINDER")).hasSize(1);
        assertThat(events(b, "REMINDER")).hasSize(1);
    }

    @Test
    void aPersonWithoutAPhoneIsNamedWithoutOne() {
        cn.ebillops.config.BotConfig noPhones = new cn.ebillops.config.BotConfig(f.config.hospital(),
                f.config.people().stream().map(p -> new cn.ebillops.config.Person(p.userId(), p.name(), p.role(), "",
                        p.department())).toList(), f.config.groups());
        clocks = f.clocks(new cn.ebillops.incident.EscalationContacts(IncidentFixture.NO_ROSTER, noPhones));
        Incident i = open(Severity.II, Area.ISSUANCE);
        f.clock.advance(Duration.ofMinutes(30));
        clocks.fireDue(i.number());
        assertThat(f.toGroup("wr_cashier")).singleElement().extracting(OutboundMessage::markdown).asString()
                .contains("已通知：张工（值班工程师）");
    }

    @Test
    void withGroupMessagesOffAStepWithNobodyToCallStillGoesToTheGroup() {
        f = new IncidentFixture(settings("escalation:\n  group: false\n"));
        clocks = f.clocks(new cn.ebillops.incident.EscalationContacts(IncidentFixture.NO_ROSTER,
                new cn.ebillops.config.BotConfig(f.config.hospital(), List.of(), f.config.groups())));
        Incident i = open(Severity.II, Area.ISSUANCE);
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(clocks.fireDue(i.number())).isEqualTo(1);
        assertThat(f.toGroup("wr_cashier")).singleElement().extracting(OutboundMessage::markdown).asString()
                .contains("值班工程师（未配置）");
    }
}
