package cn.ebillops.incident;

import cn.ebillops.channel.OutboundChannel;
import cn.ebillops.channel.OutboundMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Records every message the assistant sends on its own. */
public final class RecordingChannel implements OutboundChannel {

    private final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    /** Direct messages to this user fail, as when WeCom's message/send is down. */
    private volatile String failingUser;

    public void failDirectTo(String userId) {
        failingUser = userId;
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public void deliver(OutboundMessage message) {
        if (message.isDirect() && message.toUser().equals(failingUser)) {
            throw new IllegalStateException("message/send failed (test)");
        }
        sent.add(message);
    }

    public List<OutboundMessage> sent() {
        return List.copyOf(sent);
    }

    public List<OutboundMessage> directTo(String userId) {
        return sent.stream().filter(m -> userId.equals(m.toUser())).toList();
    }

    public List<OutboundMessage> toGroup(String chatId) {
        return sent.stream().filter(m -> !m.isDirect() && chatId.equals(m.chatId())).toList();
    }

    public void clear() {
        sent.clear();
        failingUser = null;
    }

    /** Waits for a message: background work such as diagnosis posts later. Fails, listing what was sent, if none comes. */
    public OutboundMessage await(Predicate<OutboundMessage> p, Duration max) {
        try {
            return Awaitility.await("a message matching the condition").atMost(max).pollInterval(Duration.ofMillis(20))
                    .until(() -> sent.stream().filter(p).findFirst(), Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no message matching within " + max + "; sent: " + sent, e);
        }
    }
}
