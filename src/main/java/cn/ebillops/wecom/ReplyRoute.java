package cn.ebillops.wecom;

import cn.ebillops.channel.Reply;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The way back for one inbound message: the route it came by (app callback → message/send, AI bot
 * callback → its response_url, long connection → a stream reply on the socket). A route only sends;
 * what it cannot carry it hands back, and {@link WecomPipeline} alone decides where that goes.
 */
@FunctionalInterface
interface ReplyRoute {

    /**
     * Sends as much of the answer as this route carries and returns the markdown it could not (empty
     * when all went out). Throws when the route failed before its part was delivered: the whole answer
     * then goes round.
     */
    String deliver(List<Reply> replies);

    /** The replies as one markdown message, each with its links: what a route sends as one message. */
    static String markdown(List<Reply> replies) {
        return replies.stream().map(ReplyRoute::markdown).collect(Collectors.joining("\n\n"));
    }

    static String markdown(Reply reply) {
        if (reply.links().isEmpty()) {
            return reply.markdown();
        }
        // a link the text already carries (the /inspect summary names its report) is not repeated under it
        return reply.markdown() + reply.links().stream().filter(l -> !reply.markdown().contains(l.url()))
                .map(l -> "\n[" + l.title() + "](" + l.url() + ")").collect(Collectors.joining());
    }
}
