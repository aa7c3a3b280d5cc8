package cn.ebillops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.command.CommandRegistry;
import cn.ebillops.assistant.command.CommandRegistry.Registered;
import cn.ebillops.config.Role;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A command's declared audience ({@code @ChatCommand(requires = …)}) is what its service enforces: every
 * command is run by a member of the hospital staff on an open incident, and only those declared for
 * engineers or administrators are refused.
 */
class CommandAudienceTest extends IncidentSpringTestBase {

    private static final String STAFF = "chenxia";
    private static final Map<String, String> WELL_FORMED = Map.of("level", "III", "remote", "no");
    private static final String ENGINEERS_ONLY = "只有运维工程师或管理员可以";
    private static final String ADMINS_ONLY = "只有管理员可以";

    @Autowired CommandRegistry commands;

    @Test
    void hospitalStaffAreRefusedExactlyTheCommandsNotDeclaredForThem() {
        assertThat(person(STAFF).role()).isEqualTo(Role.STAFF);
        service.report(report("liufang", "wr_cashier", Severity.II, Area.ISSUANCE));
        Incident open = service.openIncidents().get(0);
        for (Registered c : commands.all()) {
            String args = " " + WELL_FORMED.getOrDefault(c.name(), "原因"); // refused for who asks, not for its form
            String answer = say(STAFF, "wr_cashier", "/" + c.name() + " " + open.number() + args);
            switch (c.requires()) {
                case ENGINEER -> assertThat(answer).as("/" + c.name()).contains(ENGINEERS_ONLY);
                case ADMIN -> assertThat(answer).as("/" + c.name()).contains(ADMINS_ONLY);
                case STAFF -> assertThat(answer).as("/" + c.name()).doesNotContain(ENGINEERS_ONLY, ADMINS_ONLY);
            }
        }
        assertThat(service.openIncidents()).as("nothing changed").singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(open.status()));
    }
}
