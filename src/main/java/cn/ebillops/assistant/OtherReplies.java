package cn.ebillops.assistant;

import cn.ebillops.assistant.nlu.AssistantRequests;
import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.channel.Reply;
import cn.ebillops.wording.Wording;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers to messages that are neither faults nor questions about the e-bill system: a request to
 * the assistant itself is refused (changing nothing, whatever fault words it quotes, and before any
 * language model sees it); a question about something else gets an honest "I don't know"; small talk
 * gets the short guide.
 */
final class OtherReplies {

    private static final Pattern QUESTION = Pattern.compile("[?]|吗|么|呢|谁|哪|几|多少|什么|怎么|如何|是否|有没有|有无");

    private OtherReplies() {
    }

    /** The refusal for a request to the assistant, if the message is one. */
    static Optional<Reply> refusal(Classification c, Wording wording) {
        if (c.intent() != Intent.OTHER || c.normalized() == null) {
            return Optional.empty();
        }
        return AssistantRequests.of(c.normalized()).map(kind -> refuse(kind, wording));
    }

    static Reply forOther(Classification c, Wording wording) {
        if (c.normalized() != null && QUESTION.matcher(c.normalized()).find()) {
            return Reply.of(wording.text("assistant.notMyField"));
        }
        return DefaultReplies.guide(wording);
    }

    private static Reply refuse(AssistantRequests.Kind kind, Wording wording) {
        return Reply.of(switch (kind) {
            case OVERRIDE -> wording.text("assistant.refused.override");
            case SECRET -> wording.text("assistant.refused.secret");
            case PATIENT_DATA -> wording.text("assistant.refused.patientData");
            case INCIDENT_CHANGE -> wording.text("assistant.refused.incidentChange");
        });
    }
}
