package cn.ebillops.channel.wecom;

import cn.ebillops.assistant.Assistant;
import cn.ebillops.assistant.HandleResult;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.channel.Reply;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The one pipeline of every WeCom route: the caller has already acknowledged the callback; the
 * assistant runs on the background executor (it de-duplicates by channel + message id) and the
 * replies go back on the route the message came by.
 */
@Component
public class WecomPipeline {

    private static final Logger log = LoggerFactory.getLogger(WecomPipeline.class);

    /** Delivers the replies on the message's own route. */
    @FunctionalInterface
    public interface ReplySink {
        void deliver(List<Reply> replies);
    }

    private final Assistant assistant;
    private final ExecutorService executor;

    public WecomPipeline(Assistant assistant, @Qualifier("backgroundExecutor") ExecutorService executor) {
        this.assistant = assistant;
        this.executor = executor;
    }

    public void submit(InboundMessage message, ReplySink sink) {
        try {
            executor.execute(() -> process(message, sink));
        } catch (RejectedExecutionException e) {
            log.warn("wecom message {} on {} not processed: executor shut down", message.messageId(),
                    message.channel());
        }
    }

    /** Runs the work in the background (card events and other non-assistant work). */
    public void later(Runnable work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("wecom background work failed: {}", e.toString());
            }
        });
    }

    void process(InboundMessage message, ReplySink sink) {
        try {
            HandleResult result = assistant.handle(message);
            if (!result.duplicate() && !result.replies().isEmpty()) {
                sink.deliver(result.replies());
            }
        } catch (RuntimeException e) {
            log.warn("wecom message {} on {}: reply not delivered: {}", message.messageId(), message.channel(),
                    e.toString());
        }
    }
}
