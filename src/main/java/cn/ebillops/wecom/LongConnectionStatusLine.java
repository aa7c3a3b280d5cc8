package cn.ebillops.wecom;

import cn.ebillops.channel.ChannelStatus;
import cn.ebillops.wording.Wording;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The long connection's line in /status: said only when this instance stopped its connection because another
 * connection took the bot over (disconnected_event), which otherwise only the log tells. The instance keeps the
 * lock and stays off; once the lock changes hands its holder decides, and the line goes.
 */
@Component
class LongConnectionStatusLine implements ChannelStatus {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final LongConnectionStatus connection;
    private final Wording wording;
    private final Clock clock;

    LongConnectionStatusLine(LongConnectionStatus connection, Wording wording, Clock clock) {
        this.connection = connection;
        this.wording = wording;
        this.clock = clock;
    }

    @Override
    public Optional<String> statusLine() {
        return connection.replacedAt().map(at -> wording.text("wecom.aibot.replaced", "at",
                AT.format(at.atZone(clock.getZone()))));
    }
}
