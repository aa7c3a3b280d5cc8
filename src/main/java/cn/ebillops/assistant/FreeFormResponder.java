package cn.ebillops.assistant;

import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.channel.Reply;
import java.util.Optional;

/**
 * Optional smarter path (a language model with tools). Empty means "use the offline path";
 * an implementation must itself fall back to empty on time-out or error.
 */
public interface FreeFormResponder {

    Optional<Reply> respond(Turn turn, Classification offline);
}
