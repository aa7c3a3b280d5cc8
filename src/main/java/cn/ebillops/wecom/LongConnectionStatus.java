package cn.ebillops.wecom;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The AI bot long connection as health, metrics and /status read it: configured, held by this instance, subscribed, replaced. */
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

    /** Since when this instance stays off because another connection took the bot over (disconnected_event). */
    Optional<Instant> replacedAt() {
        return enabled() ? Optional.ofNullable(socket.replacedAt()) : Optional.empty();
    }
}
