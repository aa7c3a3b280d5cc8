package cn.ebillops.wecom;

import cn.ebillops.infra.RetryPolicy;
import cn.ebillops.wording.Wording;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Opens the {@link AibotStream} of each message on the long connection and, on the shared {@link TaskScheduler},
 * its placeholder: an answer not ready {@link Settings#placeholderAfter} after the message arrived (it runs
 * checks, asks the model) shows "正在检查……" at once, within WeCom's patience; a quick one (help) shows no
 * placeholder, since the answer's start cancels it.
 */
@Component
class AibotStreams {

    /** {@code wecom.aibot.stream.placeholder-after}: how long an answer may take before the placeholder shows. */
    @ConfigurationProperties("wecom.aibot.stream")
    record Settings(@DefaultValue("300ms") Duration placeholderAfter) {
    }

    private final AibotProtocol protocol;
    private final AibotAcks acks;
    private final RetryPolicy retry;
    private final TaskScheduler scheduler;
    private final Wording wording;
    private final Settings settings;

    AibotStreams(AibotProtocol protocol, AibotAcks acks, RetryPolicy retry, TaskScheduler scheduler, Wording wording,
                 Settings settings) {
        this.protocol = protocol;
        this.acks = acks;
        this.retry = retry;
        this.scheduler = scheduler;
        this.wording = wording;
        this.settings = settings;
    }

    /** The stream answering {@code received}, its placeholder already due. */
    AibotStream open(AibotSocket.Received received) {
        AibotStream stream = new AibotStream(received, protocol, acks, retry);
        String text = wording.text("wecom.aibot.placeholder");
        stream.placeholderDue(scheduler.schedule(() -> stream.placeholder(text),
                scheduler.getClock().instant().plus(settings.placeholderAfter())));
        return stream;
    }
}
