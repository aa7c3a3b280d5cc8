package cn.ebillops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.BotConfigLoader;
import cn.ebillops.config.Person;
import cn.ebillops.config.Role;
import cn.ebillops.duty.DutyAssignment;
import cn.ebillops.duty.DutyFixture;
import cn.ebillops.duty.DutyLookup;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who is called at each step, from the roster or (when it fails or names nobody) from bot-config. */
class EscalationContactsUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private final BotConfig config = new BotConfigLoader().botConfig(new BotConfigFiles(Path.of("bot-config")));

    private EscalationContacts withRoster(DutyLookup lookup) {
        return new EscalationContacts(lookup, config);
    }

    private static Optional<String> id(Optional<Person> p) {
        return p.map(Person::userId);
    }

    private DutyAssignment assignment(String engineer, String backup, String manager) {
        return new DutyAssignment(LocalDate.of(2026, 11, 25), engineer == null ? null : config.person(engineer),
                Optional.ofNullable(backup).map(config::person), Optional.ofNullable(manager).map(config::person), "");
    }

    @Test
    void theRosterNamesEngineerBackupAndManager() {
        EscalationContacts.Chain chain = withRoster(at -> assignment("ligong", "zhanggong", "wangjingli")).at(NOW);
        assertThat(chain.source()).isEqualTo("值班表");
        assertThat(id(chain.at(IncidentSettings.Target.ENGINEER))).contains("ligong");
        assertThat(id(chain.at(IncidentSettings.Target.BACKUP))).contains("zhanggong");
        assertThat(id(chain.at(IncidentSettings.Target.MANAGER))).contains("wangjingli");
    }

    @Test
    void withoutABackupTheBackupStepCallsTheDutyEngineer() {
        EscalationContacts.Chain chain = withRoster(at -> assignment("ligong", null, "wangjingli")).at(NOW);
        assertThat(chain.backup()).isEmpty();
        assertThat(id(chain.at(IncidentSettings.Target.BACKUP))).contains("ligong");
    }

    @Test
    void aRosterWithoutAManagerFallsBackToTheFirstAdmin() {
        // the duty module's own chain applies the fallback (DutyAssignment.managerOrFirstAdmin)
        EscalationContacts.Chain chain = withRoster(DutyFixture.at("2026-11-25T10:00").dutyWithoutManager()).at(NOW);
        assertThat(id(chain.manager())).contains("wangjingli");
        assertThat(chain.source()).isEqualTo("值班表");
    }

    @Test
    void aFailingEmptyOrEngineerlessRosterFallsBackToBotConfigPeople() {
        DutyLookup failing = at -> {
            throw new IllegalStateException("roster broken");
        };
        for (DutyLookup lookup : List.<DutyLookup>of(failing, at -> null, at -> assignment(null, "ligong", null))) {
            EscalationContacts.Chain chain = withRoster(lookup).at(NOW);
            assertThat(chain.source()).isEqualTo("人员配置");
            assertThat(id(chain.engineer())).contains("zhanggong");
            assertThat(id(chain.backup())).contains("ligong");
            assertThat(id(chain.manager())).contains("wangjingli");
        }
    }

    @Test
    void withOneEngineerConfiguredThereIsNoBackupAndWithoutAdminsNoManager() {
        BotConfig one = new BotConfig(config.hospital(),
                config.people().stream().filter(p -> !p.userId().equals("ligong") && p.role() != Role.ADMIN).toList(),
                config.groups());
        EscalationContacts.Chain chain = new EscalationContacts(IncidentFixture.NO_ROSTER, one).at(NOW);
        assertThat(id(chain.engineer())).contains("zhanggong");
        assertThat(chain.backup()).isEmpty();
        assertThat(chain.manager()).isEmpty();
    }
}
