package cn.ebillops.incident;

import cn.ebillops.config.BotConfig;
import cn.ebillops.duty.DutyAssignment;
import cn.ebillops.duty.DutyLookup;
import cn.ebillops.infra.InfraConfig;
import cn.ebillops.testsupport.MutableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test doubles for the incident tests: a clock the test moves, a recording channel, an
 * inspector the test scripts, and a fixed duty roster (张工 → 李工 → 王经理). Primary, so they
 * win over real implementations once other modules are merged.
 */
@TestConfiguration(proxyBeanMethods = false)
public class IncidentTestBeans {

    @Bean
    @Primary
    public MutableClock testClock(@Value("${test.clock.start:}") String start) {
        return new MutableClock(start.isBlank() ? Instant.parse("2026-11-25T02:00:00Z") : Instant.parse(start),
                InfraConfig.ZONE);
    }

    @Bean
    public RecordingChannel recordingChannel() {
        return new RecordingChannel();
    }

    @Bean
    @Primary
    public FakeInspector fakeInspector() {
        return new FakeInspector();
    }

    @Bean
    @Primary
    public DutyLookup fixedDuty(BotConfig config, Clock clock) {
        return at -> new DutyAssignment(LocalDate.now(clock), config.findPerson("zhanggong").orElseThrow(),
                config.findPerson("ligong"), config.findPerson("wangjingli"), "0753-0000000");
    }
}
