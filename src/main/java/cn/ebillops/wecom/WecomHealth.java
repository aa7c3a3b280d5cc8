package cn.ebillops.wecom;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;

/**
 * Health component {@code wecom} (in the readiness group), present only where the AI bot's long
 * connection is configured: UP while this instance holds the connection and is subscribed, or while
 * another instance holds it (standby); DOWN while this instance holds the lock but is not subscribed
 * (connecting, or reconnecting after a drop): staff messages in the groups are not heard meanwhile.
 */
@Component("wecom")
@Conditional(WecomHealth.LongConnectionConfigured.class)
class WecomHealth implements HealthIndicator {

    private final LongConnectionStatus connection;

    WecomHealth(LongConnectionStatus connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        return switch (LongConnectionState.of(connection)) {
            case SUBSCRIBED -> Health.up().withDetail("longConnection", "已连接").build();
            case STANDBY -> Health.up().withDetail("longConnection", "备用：长连接由另一实例持有").build();
            case CONNECTING -> Health.down().withDetail("longConnection", "未连接，正在重连").build();
            case OFF -> Health.up().withDetail("longConnection", "未启用").build();
        };
    }

    /** The same rule as {@link WecomProperties.Aibot#longConnectionEnabled()}, read before the beans exist. */
    static class LongConnectionConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("wecom", WecomProperties.class)
                    .map(p -> p.aibot() != null && p.aibot().longConnectionEnabled()).orElse(false);
        }
    }
}
