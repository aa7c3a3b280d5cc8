package cn.ebillops.assistant;

import cn.ebillops.channel.Reply;
import java.util.Optional;

/**
 * A question answered instead of opening an incident may still hide a present fault: the answer
 * offers to open one, and the sender's 「报故障」 opens it from the question they asked.
 */
public interface FaultOffer {

    /** Remembers the question for its sender; returns the line that invites 「报故障」. */
    String offer(Turn question);

    /** The answer when this message takes up an earlier offer, else empty. */
    Optional<Reply> accept(Turn turn);
}
