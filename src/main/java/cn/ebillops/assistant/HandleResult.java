package cn.ebillops.assistant;

import cn.ebillops.channel.Reply;
import java.util.List;

/** What the assistant answered; {@code duplicate} when the message id was seen before. */
public record HandleResult(boolean duplicate, List<Reply> replies) {

    static HandleResult duplicateMessage() {
        return new HandleResult(true, List.of());
    }
}
