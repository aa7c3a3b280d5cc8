package cn.ebillops.incident.chat;

import cn.ebillops.config.Person;
import cn.ebillops.incident.EscalationContacts;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentNotifier;
import cn.ebillops.incident.IncidentTexts;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The engineer who should hear about a reporter's word on an incident: the one who took it, else the
 * engineer on duty now. One place, so "still failing" and "not a fault" reach the same person.
 */
@Component
class IncidentEngineer {

    private final IncidentNotifier notifier;
    private final EscalationContacts contacts;
    private final IncidentTexts texts;
    private final Clock clock;

    IncidentEngineer(IncidentNotifier notifier, EscalationContacts contacts, IncidentTexts texts, Clock clock) {
        this.notifier = notifier;
        this.contacts = contacts;
        this.texts = texts;
        this.clock = clock;
    }

    /** Sends {@code markdown} to that engineer; returns their name, or "值班工程师" when none is configured. */
    String tell(Incident i, String markdown) {
        String engineer = i.acknowledgedBy() != null ? i.acknowledgedBy()
                : contacts.at(clock.instant()).engineer().map(Person::userId).orElse(null);
        if (engineer == null) {
            return texts.text("incident.engineer.nobody");
        }
        notifier.toPerson(engineer, markdown, null);
        return texts.name(engineer);
    }
}
