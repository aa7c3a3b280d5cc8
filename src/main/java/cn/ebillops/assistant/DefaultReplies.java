package cn.ebillops.assistant;

import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.channel.Reply;
import cn.ebillops.wording.Wording;

/** Honest answers for intents whose module is not installed, and the short guide. */
final class DefaultReplies {

    private DefaultReplies() {
    }

    static Reply forIntent(Classification c, Wording wording) {
        return switch (c.intent()) {
            case FAULT_REPORT -> Reply.of(wording.text("assistant.missing.incident", "level", c.severity().describe(),
                    "area", c.area().label()));
            case CONSULTATION -> Reply.of(wording.text("assistant.missing.knowledge"));
            case STATUS_QUERY -> Reply.of(wording.text("assistant.missing.status"));
            case INSPECTION_REQUEST -> Reply.of(wording.text("assistant.missing.inspection"));
            case DUTY_QUERY -> Reply.of(wording.text("assistant.missing.duty"));
            case INCIDENT_FOLLOWUP -> Reply.of(wording.text("assistant.missing.followup"));
            case OTHER -> OtherReplies.forOther(c, wording);
        };
    }

    static Reply guide(Wording wording) {
        return Reply.of(wording.text("assistant.guide"));
    }
}
