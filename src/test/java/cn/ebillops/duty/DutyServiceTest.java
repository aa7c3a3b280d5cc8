package cn.ebillops.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigException;
import cn.ebillops.config.Person;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DutyServiceTest {

    private final DutyFixture f = DutyFixture.at("2026-03-10T10:00");

    @Test
    void weeklyRotationStartsAtTheAnchorAndAlternates() {
        assertThat(f.duty.onDuty(LocalDate.of(2026, 1, 5)).engineer().userId()).isEqualTo("zhanggong");
        assertThat(f.duty.onDuty(LocalDate.of(2026, 1, 11)).engineer().userId()).isEqualTo("zhanggong");
        assertThat(f.duty.onDuty(LocalDate.of(2026, 1, 12)).engineer().userId()).isEqualTo("ligong");
        assertThat(f.duty.onDuty(LocalDate.of(2026, 1, 19)).engineer().userId()).isEqualTo("zhanggong");
        // before the anchor the rotation runs backwards consistently
        assertThat(f.duty.onDuty(LocalDate.of(2025, 12, 29)).engineer().userId()).isEqualTo("ligong");
    }

    @Test
    void theDutyDayRunsFromHandoverToHandover() {
        // Monday 12 January 02:00 still belongs to Sunday 11 January (zhanggong's week)
        f.clock.set("2026-01-12T02:00");
        assertThat(f.duty.now().date()).isEqualTo(LocalDate.of(2026, 1, 11));
        assertThat(f.duty.now().engineer().userId()).isEqualTo("zhanggong");
        f.clock.set("2026-01-12T09:00");
        assertThat(f.duty.now().engineer().userId()).isEqualTo("ligong");
    }

    @Test
    void theCallOrderIsEngineerBackupManagerWithPhonesAndHotline() {
        DutyAssignment a = f.duty.onDuty(LocalDate.of(2026, 1, 5));
        assertThat(a.engineer().phone()).isEqualTo("13800138001");
        assertThat(a.backup()).map(Person::userId).contains("ligong");
        assertThat(a.manager()).map(Person::userId).contains("wangjingli");
        assertThat(a.hotline()).isEqualTo("0753-2188000");
        // the configured backup is on duty himself: the next engineer backs up
        DutyAssignment b = f.duty.onDuty(LocalDate.of(2026, 1, 12));
        assertThat(b.engineer().userId()).isEqualTo("ligong");
        assertThat(b.backup()).map(Person::userId).contains("zhanggong");
    }

    @Test
    void holidayRulesOverrideTheRotationAndOverridesWinOverAll() {
        // 国庆: daily rotation starting with zhanggong
        assertThat(f.duty.onDuty(LocalDate.of(2026, 10, 1)).engineer().userId()).isEqualTo("zhanggong");
        assertThat(f.duty.onDuty(LocalDate.of(2026, 10, 2)).engineer().userId()).isEqualTo("ligong");
        assertThat(f.duty.onDuty(LocalDate.of(2026, 10, 7)).engineer().userId()).isEqualTo("zhanggong");
        // 春节: named per day
        assertThat(f.duty.onDuty(LocalDate.of(2026, 2, 17)).engineer().userId()).isEqualTo("ligong");
        assertThat(f.duty.onDuty(LocalDate.of(2026, 2, 23)).engineer().userId()).isEqualTo("zhanggong");
        // override on 24 December (a zhanggong week by rotation)
        assertThat(f.roster.rotationEngineer(LocalDate.of(2026, 12, 24))).isEqualTo("zhanggong");
        assertThat(f.duty.onDuty(LocalDate.of(2026, 12, 24)).engineer().userId()).isEqualTo("ligong");
        assertThat(f.duty.engineersDuring(f.calendar.next("国庆", LocalDate.of(2026, 9, 1)).orElseThrow()))
                .extracting(Person::userId).containsExactly("zhanggong", "ligong");
    }

    @Test
    void rosterNamingAStaffMemberOrUnknownUserFailsWithFileAndKey() {
        assertThatThrownBy(() -> roster("engineers: [zhanggong, chenxia]\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("duty.yaml")
                .hasMessageContaining("engineers[1]").hasMessageContaining("ENGINEER 或 ADMIN");
        assertThatThrownBy(() -> roster("engineers: [zhanggong]\noverrides:\n  - {date: 2026-05-01, engineer: nobody}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("overrides[0].engineer")
                .hasMessageContaining("nobody");
        assertThatThrownBy(() -> roster("engineers: [zhanggong]\noverrides:\n  2026-05-01: ligong\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("列表");
        assertThatThrownBy(() -> roster("engineers: [zhanggong]\nrotation:\n  handover: 25:00\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rotation.handover");
    }

    private DutyRoster roster(String yaml) {
        return DutyRosterLoader.load(BotConfigFiles.parse("duty.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))), f.config);
    }
}
