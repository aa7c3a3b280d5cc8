package cn.ebillops.console;

import cn.ebillops.channel.OutboundChannel;
import cn.ebillops.channel.OutboundMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * What the console page shows per chat: every message in and out, including those the assistant
 * sends later on its own (diagnosis, escalations). In memory, bounded per chat: the durable
 * record is the conversation log.
 */
@Component
class ConsoleTranscript implements OutboundChannel {

    static final int MAX_PER_CHAT = 500;

    public record Line(long seq, String chatId, String from, String fromName, String text, long at) {
    }

    private final Map<String, List<Line>> chats = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();
    private final Clock clock;

    public ConsoleTranscript(Clock clock) {
        this.clock = clock;
    }

    public Line add(String chatId, String from, String fromName, String text) {
        Line line = new Line(seq.incrementAndGet(), chatId, from, fromName, text, clock.millis());
        List<Line> list = chats.computeIfAbsent(chatId, k -> new ArrayList<>());
        synchronized (list) {
            list.add(line);
            if (list.size() > MAX_PER_CHAT) {
                list.remove(0);
            }
        }
        return line;
    }

    public List<Line> since(String chatId, long afterSeq) {
        List<Line> list = chats.getOrDefault(chatId, List.of());
        synchronized (list) {
            return list.stream().filter(l -> l.seq() > afterSeq).toList();
        }
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void deliver(OutboundMessage message) {
        if (!message.hasText()) {
            return; // files alone: the console shows the report's link, which the text before them carries
        }
        String chat = message.isDirect() ? message.toUser() : message.chatId();
        add(chat, "assistant", "运维助手", message.markdown());
    }
}
