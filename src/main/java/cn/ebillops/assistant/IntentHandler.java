package cn.ebillops.assistant;

import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.channel.Reply;

/**
 * Answers messages of one intent. Feature modules (incident, inspection, duty, knowledge)
 * register one as a bean; where none is registered the assistant answers honestly that the
 * function is not available yet.
 */
public interface IntentHandler {

    Intent intent();

    Reply handle(Turn turn, Classification classification);
}
