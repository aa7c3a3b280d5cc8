package cn.ebillops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.config.Person;
import cn.ebillops.duty.DutyFixture;
import cn.ebillops.infra.InfraConfig;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The escalation chain comes from the real roster of bot-config/duty.yaml (holiday rules, backup). */
class EscalationContactsRosterTest {

    private final DutyFixture duty = DutyFixture.at("2026-02-10T10:00");

    private EscalationContacts contacts() {
        return new EscalationContacts(duty.duty, duty.config);
    }

    private EscalationContacts.Chain at(String local) {
        return contacts().at(LocalDateTime.parse(local).atZone(InfraConfig.ZONE).toInstant());
    }

    private static Optional<String> id(Optional<Person> p) {
        return p.map(Person::userId);
    }

    @Test
    void aSpringFestivalDayCallsItsNamedEngineerThenTheBackupThenTheManager() {
        EscalationContacts.Chain chain = at("2026-02-15T12:00"); // 春节 day 1: zhanggong by name
        assertThat(chain.source()).isEqualTo("值班表");
        assertThat(id(chain.at(IncidentSettings.Target.ENGINEER))).contains("zhanggong");
        assertThat(id(chain.at(IncidentSettings.Target.BACKUP))).contains("ligong");
        assertThat(id(chain.at(IncidentSettings.Target.MANAGER))).contains("wangjingli");
    }

    @Test
    void whenTheBackupIsOnDutyHimselfTheNextEngineerBacksHimUp() {
        EscalationContacts.Chain chain = at("2026-02-17T12:00"); // 春节 day 3: ligong, the configured backup
        assertThat(id(chain.at(IncidentSettings.Target.ENGINEER))).contains("ligong");
        assertThat(id(chain.at(IncidentSettings.Target.BACKUP))).contains("zhanggong");
    }

    @Test
    void beforeTheDailyHandoverTheNightStillBelongsToYesterdaysEngineer() {
        // 国庆 daily rotation starting with zhanggong on 10-01: 10-02 08:00 is still 10-01's shift
        assertThat(id(at("2026-10-02T08:00").at(IncidentSettings.Target.ENGINEER))).contains("zhanggong");
        assertThat(id(at("2026-10-02T10:00").at(IncidentSettings.Target.ENGINEER))).contains("ligong");
    }
}
