package cn.ebillops.wecom;

import org.springframework.stereotype.Component;

/** The AI bot long connection as health and metrics read it: configured, held by this instance, subscribed. */
@Component
class LongConnectionStatus {

    private final WecomProperties.Aibot config;
    private final AibotLease lease;
    private final AibotSocket socket;

    LongConnectionStatus(WecomProperties props, AibotLease lease, AibotSocket socket) {
        this.config = props.aibot();
        this.lease = lease;
        this.socket = socket;
    }

    boolean enabled() {
        return config.longConnectionEnabled();
    }

    boolean isLeader() {
        return lease.held();
    }

    boolean isSubscribed() {
        return socket.isSubscribed();
    }
}
