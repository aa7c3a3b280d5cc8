package cn.ebillops.channel;

import java.util.Optional;

/**
 * A channel's own line for /status, when it has something staff should know (e.g. the WeCom long connection
 * stopped because another connection took the bot over). Empty when all is as usual.
 */
public interface ChannelStatus {

    /** One line of markdown ending in a newline, or empty. */
    Optional<String> statusLine();
}
