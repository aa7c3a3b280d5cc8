package cn.ebillops.incident;

import cn.ebillops.channel.Reply;
import cn.ebillops.config.Person;
import org.springframework.stereotype.Component;

/** WeCom card buttons (接单 / 已到场 / 已解决): the same service calls, so the same role checks. */
@Component
class IncidentCardActions implements IncidentActions {

    private final IncidentService service;
    private final IncidentTexts texts;

    public IncidentCardActions(IncidentService service, IncidentTexts texts) {
        this.service = service;
        this.texts = texts;
    }

    @Override
    public Outcome act(Action action, long incidentNumber, Person actor, String note) {
        try {
            Incident i = switch (action) {
                case ACK -> service.acknowledge(incidentNumber, actor, OnsiteNeeded.in(note));
                case ONSITE -> service.markOnsite(incidentNumber, actor);
                case RESOLVE -> service.resolve(incidentNumber, actor,
                        note == null || note.isBlank() ? "通过卡片登记解决（原因待补充）" : note);
            };
            String headline = texts.headline(i);
            return new Outcome(true, Reply.of(switch (action) {
                case ACK -> texts.text("incident.card.acknowledged", "engineer", actor.name(), "headline", headline);
                case ONSITE -> texts.text("incident.card.onsite", "engineer", actor.name(), "headline", headline);
                case RESOLVE -> texts.text("incident.card.resolved", "engineer", actor.name(), "headline", headline);
            }));
        } catch (IncidentException e) {
            return new Outcome(false, Reply.of(e.getMessage()));
        }
    }
}
