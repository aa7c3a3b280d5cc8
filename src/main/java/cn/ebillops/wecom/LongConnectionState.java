package cn.ebillops.wecom;

/** Where the AI bot's long connection stands on this instance, from its public state. */
enum LongConnectionState {
    /** Not configured. */
    OFF,
    /** Another instance holds the connection lock. */
    STANDBY,
    /** This instance holds the lock but is not subscribed: connecting or reconnecting. */
    CONNECTING,
    /** This instance holds the connection and WeCom accepted the subscription. */
    SUBSCRIBED;

    static LongConnectionState of(LongConnectionStatus connection) {
        if (!connection.enabled()) {
            return OFF;
        }
        if (!connection.isLeader()) {
            return STANDBY;
        }
        return connection.isSubscribed() ? SUBSCRIBED : CONNECTING;
    }
}
