package cn.ebillops.duty;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.config.Person;
import cn.ebillops.wording.Wording;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A roster without a manager: every answer that names the chain names the first ADMIN in the manager's place. */
class DutyChainTest {

    @Test
    void aRosterWithoutAManagerNamesTheFirstAdminInEveryAnswer() {
        DutyFixture f = DutyFixture.at("2026-03-10T21:30");
        DutyService duty = f.dutyWithoutManager();
        DutyAssignment now = duty.now();
        assertThat(now.manager()).map(Person::userId).contains("wangjingli");
        assertThat(DutyText.callOrder(now)).contains("> 负责人：王经理（电话 13800138003）\n");
        assertThat(new DutyAnswers(duty, f.gaps, Wording.defaults()).answer(f.entities.extract("今晚谁值班")).markdown())
                .contains("> 负责人：王经理（电话 13800138003）\n");
        Holiday national = f.calendar.holiday(LocalDate.of(2026, 10, 1)).orElseThrow();
        assertThat(DutyText.planFooter(duty.plan(national))).contains("负责人：王经理（电话 13800138003）\n");
    }
}
