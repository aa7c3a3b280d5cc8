package cn.ebillops.incident;

import cn.ebillops.assistant.nlu.EntityExtractor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.assistant.Turn;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.channel.Reply;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.chat.FaultReportHandler;
import cn.ebillops.incident.chat.IncidentFollowupHandler;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IncidentLifecycleTest extends IncidentSpringTestBase {

    @Autowired FaultReportHandler faultHandler;
    @Autowired IncidentFollowupHandler followupHandler;
    @Autowired IncidentActions actions;

    private Turn turn(String userId, String chat, String text) {
        return new Turn(new InboundMessage("console", chat, userId, text, "m-" + System.nanoTime(), clock.instant()),
                person(userId), config.group(chat), text, new EntityExtractor(clock, List.of()).extract(text));
    }

    @Test
    void faultReportOpensIncidentAndAnswersAtOnceWithNumberLevelAreaAndDeadline() {
        Reply reply = faultHandler.handle(turn("chenxia", "wr_cashier", "开票失败了"), fault(Severity.II, Area.ISSUANCE));

        Incident i = service.openIncidents().get(0);
        assertThat(reply.markdown()).contains("故障单 " + i.ref(), "II级（系统严重故障）", "票据开具", "10:30 前");
        assertThat(i.responseDeadline()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(i.resolutionDeadline()).isEqualTo(T0.plus(Duration.ofHours(8)));
        assertThat(i.loanerDeadline()).isNull();
        // diagnosis runs in the background with the area's scopes and is posted to the group
        OutboundMessage diagnosis = channel.await(m -> m.markdown().contains("自动诊断"), Duration.ofSeconds(10));
        assertThat(diagnosis.chatId()).isEqualTo("wr_cashier");
        assertThat(diagnosis.markdown()).contains("均正常");
        assertThat(inspector.triggers()).contains("incident:" + i.number());
        channel.await(m -> "zhanggong".equals(m.toUser()) && m.markdown().contains("新故障单"), Duration.ofSeconds(5));
        // the clocks are persistent jobs: reminder + three escalation steps for response and resolution
        assertThat(scheduledJobs(i)).containsExactlyInAnyOrder("RESPONSE-R", "RESPONSE-E0", "RESPONSE-E1",
                "RESPONSE-E2", "RESOLUTION-R", "RESOLUTION-E0", "RESOLUTION-E1", "RESOLUTION-E2");
    }

    @Test
    void diagnosisPostsFindingsOfFailingChecks() {
        inspector.set(InspectionScope.EBILL, CheckStatus.FAIL);
        faultHandler.handle(turn("chenxia", "wr_cashier", "开不了票"), fault(Severity.II, Area.ISSUANCE));
        OutboundMessage diagnosis = channel.await(m -> m.markdown().contains("自动诊断"), Duration.ofSeconds(10));
        assertThat(diagnosis.markdown()).contains("发现 1 项问题（共检查 2 项）", "异常", "连接被拒绝", "建议");
    }

    @Test
    void aFailingInspectorStillGetsAnHonestMessageToTheGroup() {
        inspector.broken(true);
        Reply reply = faultHandler.handle(turn("chenxia", "wr_cashier", "系统打不开"), fault(Severity.I, Area.SYSTEM));
        assertThat(reply.markdown()).contains("I级（系统瘫痪、宕机）", "系统整体");
        channel.await(m -> m.markdown().contains("自动诊断未能完成"), Duration.ofSeconds(10));
    }

    @Test
    void reportsOfTheSameAreaWithinTheMergeWindowJoinOneIncidentListingAllReporters() {
        faultHandler.handle(turn("chenxia", "wr_cashier", "开票失败"), fault(Severity.III, Area.ISSUANCE));
        clock.advance(Duration.ofMinutes(14));
        Reply second = faultHandler.handle(turn("liufang", "wr_it", "住院开票也失败"), fault(Severity.II, Area.ISSUANCE));

        assertThat(service.openIncidents()).hasSize(1);
        Incident i = service.openIncidents().get(0);
        assertThat(second.markdown()).contains("已在处理中", i.ref(), "陈霞、刘芳");
        assertThat(i.severity()).as("a graver report raises the level").isEqualTo(Severity.II);

        clock.advance(Duration.ofMinutes(2)); // 16 min after the first, 2 after the last report: still the same outage
        faultHandler.handle(turn("huangwei", "wr_it", "还是开不了票"), fault(Severity.III, Area.ISSUANCE));
        assertThat(service.openIncidents()).as("the window runs from the latest report").hasSize(1);

        clock.advance(Duration.ofMinutes(16)); // a quiet 16 minutes: a new report is a new fault
        faultHandler.handle(turn("huangwei", "wr_it", "又开不了票了"), fault(Severity.III, Area.ISSUANCE));
        assertThat(service.openIncidents()).hasSize(2);

        faultHandler.handle(turn("huangwei", "wr_it", "签名服务器连不上"), fault(Severity.II, Area.SIGNING));
        assertThat(service.openIncidents()).as("another area is another incident").hasSize(3);
    }

    @Test
    void concurrentReportsOfTheSameFaultFromTwoChatsOpenOneIncident() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<IncidentService.ReportOutcome>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String chat = t % 2 == 0 ? "wr_cashier" : "wr_it";
            String user = t % 2 == 0 ? "chenxia" : "liufang";
            futures.add(pool.submit(() -> {
                start.await();
                return service.report(report(user, chat, Severity.I, Area.SYSTEM));
            }));
        }
        start.countDown();
        Set<Long> numbers = ConcurrentHashMap.newKeySet();
        int opened = 0;
        for (var f : futures) {
            var outcome = f.get();
            numbers.add(outcome.incident().number());
            opened += outcome.joined() ? 0 : 1;
        }
        pool.shutdown();
        assertThat(numbers).hasSize(1);
        assertThat(opened).isEqualTo(1);
        assertThat(service.reporters(numbers.iterator().next())).extracting(Reporter::chatId)
                .containsExactlyInAnyOrder("wr_cashier", "wr_it");
    }

    @Test
    void unauthorisedCloseIsRefusedAndChangesNothing() {
        Incident i = service.report(report("chenxia", "wr_cashier", Severity.II, Area.ISSUANCE)).incident();

        String answer = say("chenxia", "wr_cashier", "/close " + i.number());

        assertThat(answer).contains("只有运维工程师或管理员", "未做更改");
        assertThat(service.find(i.number()).orElseThrow().status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(service.timeline(i.number())).extracting(IncidentEvent::kind).doesNotContain("CLOSED");
        // the gate is in the service, not only in the command
        assertThatThrownBy(() -> service.close(i.number(), person("chenxia"))).isInstanceOf(IncidentException.class);
        assertThatThrownBy(() -> service.acknowledge(i.number(), person("unknown-user"), false))
                .hasMessageContaining("医院职工");
    }

    @Test
    void engineerLifecycleThroughCommands() {
        Incident i = service.report(report("chenxia", "wr_cashier", Severity.II, Area.ISSUANCE)).incident();
        clock.advance(Duration.ofMinutes(5));
        assertThat(say("zhanggong", "wr_cashier", "/ack")).contains("张工 已接单", i.ref());
        clock.advance(Duration.ofMinutes(20));
        assertThat(say("zhanggong", "wr_cashier", "/resolve")).contains("请写明故障原因");
        assertThat(say("zhanggong", "wr_cashier", "/resolve " + i.number() + " 开票接口证书过期，已更新"))
                .contains("已解决", "证书过期");
        assertThat(say("ligong", "wr_cashier", "/close")).contains("已关闭");
        String timeline = say("ligong", "wr_it", "/incident " + i.number());
        assertThat(timeline).contains("时间线", "张工 接单，用时 5 分钟", "登记解决，历时 25 分钟", "李工 关闭");
        assertThat(say("ligong", "wr_it", "/incident")).contains("没有未关闭的故障单");
        assertThat(scheduledJobs(i)).isEmpty();
    }

    @Test
    void levelChangeMovesTheResolutionDeadlineFromTheOpeningTime() {
        Incident i = service.report(report("chenxia", "wr_cashier", Severity.III, Area.REPORT)).incident();
        clock.advance(Duration.ofMinutes(10));
        assertThat(say("zhanggong", "wr_cashier", "/level " + i.number() + " I")).contains("I级（系统瘫痪、宕机）");
        assertThat(service.find(i.number()).orElseThrow().resolutionDeadline()).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(say("chenxia", "wr_cashier", "/level " + i.number() + " III")).contains("只有运维工程师");
        assertThat(say("zhanggong", "wr_cashier", "/level " + i.number() + " IV")).contains("未知的故障级别");
    }

    @Test
    void cardButtonsActThroughTheServiceWithTheSameRoleCheck() {
        Incident i = service.report(report("chenxia", "wr_cashier", Severity.II, Area.ISSUANCE)).incident();

        IncidentActions.Outcome refused = actions.act(IncidentActions.Action.ACK, i.number(), person("chenxia"), null);
        assertThat(refused.done()).isFalse();
        assertThat(refused.reply().markdown()).contains("只有运维工程师");
        assertThat(service.find(i.number()).orElseThrow().status()).isEqualTo(IncidentStatus.OPEN);

        IncidentActions.Outcome acknowledged = actions.act(IncidentActions.Action.ACK, i.number(), person("zhanggong"), null);
        assertThat(acknowledged.done()).isTrue();
        assertThat(acknowledged.reply().markdown()).contains("张工 已接单");
        assertThat(actions.act(IncidentActions.Action.ONSITE, i.number(), person("zhanggong"), null).reply().markdown())
                .contains("已登记到场");
        assertThat(actions.act(IncidentActions.Action.RESOLVE, i.number(), person("zhanggong"), "重启服务").reply().markdown())
                .contains("已登记解决");
        Incident done = service.find(i.number()).orElseThrow();
        assertThat(done.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(done.acknowledgedBy()).isEqualTo("zhanggong");
        assertThat(done.cause()).isEqualTo("重启服务");
    }

    @Test
    void staffSayingItWorksAgainConfirmsAndStillFailingReopensAndPingsTheEngineer() {
        Incident i = service.report(report("chenxia", "wr_cashier", Severity.II, Area.ISSUANCE)).incident();
        service.acknowledge(i.number(), person("ligong"), false);
        service.resolve(i.number(), person("ligong"), "重启开票服务");

        Reply still = followupHandler.handle(turn("chenxia", "wr_cashier", "还是不行"), null);
        assertThat(still.markdown()).contains("仍未恢复", "重新打开", "李工");
        assertThat(service.find(i.number()).orElseThrow().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        channel.await(m -> "ligong".equals(m.toUser()) && m.markdown().contains("仍未恢复"), Duration.ofSeconds(2));

        Reply progress = followupHandler.handle(turn("chenxia", "wr_cashier", "处理得怎么样了"), null);
        assertThat(progress.markdown()).contains(i.ref(), "李工 正在处理");

        service.resolve(i.number(), person("ligong"), "更换证书");
        Reply ok = followupHandler.handle(turn("chenxia", "wr_cashier", "好了，可以开票了"), null);
        assertThat(ok.markdown()).contains("感谢确认", "已关闭");
        assertThat(service.find(i.number()).orElseThrow().status()).isEqualTo(IncidentStatus.CLOSED);

        Reply none = followupHandler.handle(turn("liufang", "wr_other", "好了"), null);
        assertThat(none.markdown()).contains("没有未关闭的故障单");
    }

    @Test
    void aFollowupNamingAnIncidentNumberIsAboutThatIncidentNotTheNewest() {
        Incident older = service.report(report("chenxia", "wr_cashier", Severity.III, Area.DELIVERY)).incident();
        Incident newer = service.report(report("chenxia", "wr_cashier", Severity.II, Area.ISSUANCE)).incident();
        assertThat(newer.number()).isNotEqualTo(older.number());

        Reply progress = followupHandler.handle(turn("chenxia", "wr_cashier", older.number() + "号故障单处理得怎么样了"), null);
        assertThat(progress.markdown()).contains(older.ref()).doesNotContain(newer.ref());

        Reply ok = followupHandler.handle(turn("chenxia", "wr_cashier", "#" + older.number() + " 好了"), null);
        assertThat(ok.markdown()).contains("感谢确认", older.ref());
        assertThat(service.find(older.number()).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(service.find(newer.number()).orElseThrow().status().isOpen()).isTrue();

        Reply unknown = followupHandler.handle(turn("chenxia", "wr_cashier", "故障单 99999 还是不行"), null);
        assertThat(unknown.markdown()).isEqualTo("找不到故障单 #99999，请核对编号；发送 /status 可查看未关闭的故障单。");
        assertThat(service.find(newer.number()).orElseThrow().status().isOpen()).isTrue();
    }

    @Test
    void staffConfirmationOfAnOpenIncidentResolvesItButOthersCannot() {
        Incident i = service.report(report("chenxia", "wr_cashier", Severity.III, Area.DELIVERY)).incident();
        assertThatThrownBy(() -> service.confirmRecovered(i.number(), person("liufang")))
                .hasMessageContaining("只有故障单");
        Incident confirmed = service.confirmRecovered(i.number(), person("chenxia"));
        assertThat(confirmed.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(confirmed.acknowledgedAt()).as("staff confirmation is not an engineer's acknowledgement").isNull();
    }

    @Test
    void statusShowsProbeAvailabilityAndOpenIncidents() {
        service.report(report("chenxia", "wr_cashier", Severity.II, Area.ISSUANCE));
        String status = say("huangwei", "wr_it", "/status");
        assertThat(status).contains("系统状态", "尚无探测记录", "未关闭故障单 1 张", "II级", "票据开具");
    }

    private List<String> scheduledJobs(Incident i) {
        try {
            return scheduler.getJobKeys(org.quartz.impl.matchers.GroupMatcher.jobGroupEquals("incident-" + i.number()))
                    .stream().map(org.quartz.JobKey::getName).toList();
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
