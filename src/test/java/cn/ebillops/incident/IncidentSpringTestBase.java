package cn.ebillops.incident;

import cn.ebillops.assistant.Assistant;
import cn.ebillops.assistant.HandleResult;
import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.config.BotConfig;
import cn.ebillops.config.Person;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.testsupport.BackgroundWork;
import cn.ebillops.testsupport.MutableClock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.BeforeEach;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One shared Spring context (in-memory H2, Quartz not started) with the incident test doubles.
 * Its own Quartz scheduler name: Quartz registers each scheduler's data source in a JVM-wide map
 * keyed by that name, so contexts sharing the default name would write into each other's database.
 */
@SpringBootTest(properties = "spring.quartz.scheduler-name=incident-tests")
@Import(IncidentTestBeans.class)
abstract class IncidentSpringTestBase {

    static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z"); // 10:00 Beijing time

    @Autowired MutableClock clock;
    @Autowired RecordingChannel channel;
    @Autowired FakeInspector inspector;
    @Autowired IncidentService service;
    @Autowired BotConfig config;
    @Autowired JdbcClient jdbc;
    @Autowired Scheduler scheduler;
    @Autowired Assistant assistant;
    @Autowired @Qualifier("backgroundExecutor") ExecutorService background;

    @BeforeEach
    void cleanState() throws Exception {
        // a previous test's background work (e.g. the diagnosis of its last report) must not post into this one
        awaitBackgroundWork();
        clock.set(T0);
        inspector.reset();
        scheduler.clear();
        for (String t : new String[] {"incident_notice", "incident_event", "incident_reporter", "incident",
                "availability_sample", "maintenance_window"}) {
            jdbc.sql("delete from " + t).update();
        }
        channel.clear();
    }

    /** A known point: the opening notices and diagnoses of the incidents reported so far are all sent. */
    void awaitBackgroundWork() {
        BackgroundWork.drain(background);
    }

    Person person(String userId) {
        return config.person(userId);
    }

    static Classification fault(Severity severity, Area area) {
        return new Classification(Intent.FAULT_REPORT, severity, area, 0.9);
    }

    FaultReport report(String userId, String chat, Severity severity, Area area) {
        return new FaultReport(person(userId), chat, "开票失败，提示签名错误", severity, area);
    }

    String say(String userId, String chat, String text) {
        HandleResult r = assistant.handle(new InboundMessage("console", chat, userId, text,
                UUID.randomUUID().toString(), clock.instant()));
        return r.replies().get(0).markdown();
    }
}
