package cn.ebillops.channel;

/** A route that can deliver messages the assistant sends on its own (console, WeCom…). */
public interface OutboundChannel {

    String name();

    void deliver(OutboundMessage message);
}
