package cn.ebillops.incident;

import cn.ebillops.channel.OutboundChannel;
import cn.ebillops.channel.OutboundMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

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

    /** Waits (polling, bounded) for a message: background work such as diagnosis posts later. */
    public OutboundMessage await(Predicate<OutboundMessage> p, Duration max) {
        long until = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < until) {
            for (OutboundMessage m : sent) {
                if (p.test(m)) {
                    return m;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no message matching within " + max + "; sent: " + sent);
    }
}
