package cn.ebillops.schedule;

import cn.ebillops.assistant.nlu.Entities;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.ebillops.assistant.Turn;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.audit.AuditEntry;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.config.Person;
import cn.ebillops.testsupport.MutableClock;
import java.util.List;
import cn.ebillops.wording.Wording;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;

class ScheduleAdminTest {

    private ScheduleFixture f;
    private Scheduler scheduler;
    private ScheduleAdmin admin;
    private ScheduleCommand command;
    private final List<AuditEntry> audited = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        f = ScheduleFixture.h2(MutableClock.at("2026-09-01T10:00"));
        Properties p = new Properties();
        String name = "admin-test-" + UUID.randomUUID();
        p.setProperty("org.quartz.scheduler.instanceName", name);
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        scheduler = new StdSchedulerFactory(p).getScheduler();
        SchedulerRepository.getInstance().remove(name);
        new CalendarJobRegistrar(scheduler, "0 0/5 * * * ?").afterSingletonsInstantiated();
        admin = new ScheduleAdmin(scheduler, f.notices, audited::add, Wording.defaults());
        command = new ScheduleCommand(admin, f.notices, Wording.defaults());
    }

    @AfterEach
    void tearDown() throws Exception {
        scheduler.shutdown();
        f.close();
    }

    @Test
    void listsEveryJobWithItsNextOccasionInChinese() {
        String text = run("wangjingli", "");
        assertThat(text).contains("**定时任务**")
                .contains("**节前值班通知**（holiday-notice）")
                .contains("下一次：2026-09-22 09:30 节前值班通知（2026年中秋）")
                .contains("下一次：2026-09-24 10:00 节前例行巡检与备份检查（2026年中秋）")
                .contains("下一次：2026-10-08 10:30 季度巡检与改进建议报告（2026 年第 4 季度）")
                .contains("下一次：2026-11-02 09:30 年度服务沟通会议提醒（2026 年）")
                .contains("下一次：2027-03-01 09:30 签名验签服务器 CA 证书（2027-03-31 30 天后到期）")
                .contains("下一次：2026-12-01 09:30 节假日安排缺失提醒（2027 年）");
        assertThat(admin.jobs()).allSatisfy(v -> assertThat(v.scheduled()).isTrue());
    }

    @Test
    void anEngineerCannotPauseAJob() {
        Person engineer = f.duty.config.person("zhanggong");
        assertThatThrownBy(() -> admin.pause(engineer, ScheduledJob.QUARTERLY))
                .isInstanceOf(ScheduleAdmin.ScheduleChangeRefused.class).hasMessageContaining("只有管理员");
        assertThat(run("zhanggong", "pause quarterly")).contains("只有管理员可以暂停定时任务");
        assertThat(run("chenxia", "resume quarterly")).contains("只有管理员可以恢复定时任务");
        assertThat(admin.jobs()).noneMatch(ScheduleAdmin.JobView::paused);
        assertThat(audited).as("a refused change changed nothing to record").isEmpty();
    }

    @Test
    void anAdministratorPausesAndResumesAJobAndThePauseSurvivesReRegistration() throws Exception {
        assertThat(run("wangjingli", "pause quarterly")).contains("已暂停任务「季度巡检与改进建议报告」");
        assertThat(scheduler.getTriggerState(CalendarJobRegistrar.triggerKey(ScheduledJob.QUARTERLY)))
                .isEqualTo(Trigger.TriggerState.PAUSED);
        assertThat(run("wangjingli", "")).contains("**季度巡检与改进建议报告**（quarterly） 已暂停");
        // a restart with another check interval keeps the pause
        new CalendarJobRegistrar(scheduler, "0 0/10 * * * ?").afterSingletonsInstantiated();
        assertThat(scheduler.getTriggerState(CalendarJobRegistrar.triggerKey(ScheduledJob.QUARTERLY)))
                .isEqualTo(Trigger.TriggerState.PAUSED);
        assertThat(run("wangjingli", "resume quarterly")).contains("已恢复任务「季度巡检与改进建议报告」")
                .contains("下一次：2026-10-08 10:30");
        assertThat(scheduler.getTriggerState(CalendarJobRegistrar.triggerKey(ScheduledJob.QUARTERLY)))
                .isEqualTo(Trigger.TriggerState.NORMAL);
        assertThat(audited).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::before, AuditEntry::after)
                .containsExactly(
                        tuple("wangjingli", "schedule.pause", "运行中", "已暂停"),
                        tuple("wangjingli", "schedule.resume", "已暂停", "运行中"));
    }

    @Test
    void unknownJobsAndActionsGetAUsageAnswer() {
        assertThat(run("wangjingli", "pause nothing")).contains("没有名为“nothing”的任务").contains("quarterly");
        assertThat(run("wangjingli", "stop")).contains("用法");
    }

    private String run(String userId, String args) {
        InboundMessage m = new InboundMessage("console", "wr_it", userId, "/schedule " + args, UUID.randomUUID().toString(),
                f.clock.instant());
        Turn turn = new Turn(m, f.duty.config.person(userId), f.duty.config.group("wr_it"), m.text(), Entities.NONE);
        return command.execute(new CommandContext(turn, args)).markdown();
    }
}
