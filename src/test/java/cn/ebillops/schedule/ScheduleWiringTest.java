package cn.ebillops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.Assistant;
import cn.ebillops.assistant.IntentHandler;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.duty.DutyLookup;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The whole application context: commands answer, the jobs sit in the JDBC job store. */
@SpringBootTest
class ScheduleWiringTest {

    @Autowired
    Assistant assistant;
    @Autowired
    Scheduler scheduler;
    @Autowired
    DutyLookup dutyLookup;
    @Autowired
    List<IntentHandler> handlers;

    @Test
    void dutyAndScheduleCommandsAnswerAndTheJobsAreStoredInQuartz() throws Exception {
        assertThat(say("zhanggong", "/duty")).contains("当前值班").contains("值班热线");
        // 张工 is named on any day, as engineer or as backup: the answer must say he is the engineer
        assertThat(say("chenxia", "/duty 2026-10-01")).startsWith("**2026年10月1日（周四） 值班**（国庆假期）\n")
                .contains("> 值班工程师：张工（电话 13800138001）\n> 备岗工程师：李工（电话 13800138002）");
        assertThat(say("wangjingli", "/schedule")).contains("节前值班通知").contains("季度巡检与改进建议报告");
        assertThat(say("chenxia", "/schedule pause quarterly")).contains("只有管理员");
        for (ScheduledJob job : ScheduledJob.values()) {
            assertThat(scheduler.checkExists(CalendarJobRegistrar.jobKey(job))).isTrue();
            assertThat(scheduler.getTrigger(CalendarJobRegistrar.triggerKey(job))).isNotNull();
        }
        assertThat(dutyLookup.onDutyAt(Instant.parse("2026-10-01T04:00:00Z")).engineer().userId()).isEqualTo("zhanggong");
        assertThat(handlers).anyMatch(h -> h.intent() == Intent.DUTY_QUERY);
    }

    private String say(String user, String text) {
        return assistant.handle(new InboundMessage("console", "wr_it", user, text, UUID.randomUUID().toString(),
                Instant.now())).replies().get(0).markdown();
    }
}
