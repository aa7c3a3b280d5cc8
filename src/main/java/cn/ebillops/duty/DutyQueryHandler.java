package cn.ebillops.duty;

import cn.ebillops.assistant.IntentHandler;
import cn.ebillops.assistant.Turn;
import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.channel.Reply;
import org.springframework.stereotype.Component;

/** "今晚谁值班", "五一值班表", "国庆节谁值班", "这周末有工程师值班吗". */
@Component
class DutyQueryHandler implements IntentHandler {

    private final DutyAnswers answers;

    public DutyQueryHandler(DutyAnswers answers) {
        this.answers = answers;
    }

    @Override
    public Intent intent() {
        return Intent.DUTY_QUERY;
    }

    @Override
    public Reply handle(Turn turn, Classification classification) {
        return answers.answer(turn.entities());
    }
}
