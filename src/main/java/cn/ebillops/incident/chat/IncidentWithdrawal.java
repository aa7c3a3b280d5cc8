package cn.ebillops.incident.chat;

import cn.ebillops.config.Person;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentService;
import cn.ebillops.incident.IncidentTexts;
import org.springframework.stereotype.Component;

/**
 * Withdrawing an incident opened by mistake ("不是故障", `/cancel N`): the service stops its clocks and
 * keeps it as withdrawn; the engineer who would have come is told; the chat gets one answer.
 */
@Component
class IncidentWithdrawal {

    private final IncidentService service;
    private final IncidentEngineer engineer;
    private final IncidentTexts texts;

    IncidentWithdrawal(IncidentService service, IncidentEngineer engineer, IncidentTexts texts) {
        this.service = service;
        this.engineer = engineer;
        this.texts = texts;
    }

    /** Throws {@link cn.ebillops.incident.IncidentException} (a Chinese refusal) when not allowed. */
    String withdraw(long number, Person person, String reason) {
        Incident i = service.withdraw(number, person, reason);
        String told = engineer.tell(i, texts.text("incident.withdrawn.engineer", "ref", i.ref(),
                "reporter", person.name(), "headline", texts.headline(i)));
        return texts.text("incident.withdrawn.reply", "ref", i.ref(), "engineer", told);
    }
}
