package cn.ebillops.incident;

import java.util.List;

/**
 * The incident a command means when it names none: the only open incident of the chat, or (an
 * engineer in a direct chat, where no incident belongs) the only open incident at all. Anything
 * else is a refusal that asks for the number.
 */
final class UnnamedTarget {

    private UnnamedTarget() {
    }

    static Incident among(List<Incident> open, String chatId, IncidentTexts texts) {
        List<Incident> here = open.stream().filter(i -> i.chatId().equals(chatId)).toList();
        List<Incident> candidates = here.isEmpty() ? open : here;
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new IncidentException(texts.text("incident.refused.noneOpen"));
        }
        throw new IncidentException(texts.text("incident.refused.whichOne", "count", candidates.size(),
                "refs", String.join("、", candidates.stream().map(Incident::ref).toList()),
                "number", candidates.get(0).number()));
    }
}
