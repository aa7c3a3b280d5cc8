package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** The wecom health component reads the long connection's public state: DOWN only while this instance holds it unsubscribed. */
class WecomHealthTest {

    private final LongConnectionStatus connection = mock(LongConnectionStatus.class);
    private final WecomHealth health = new WecomHealth(connection);

    private Status with(boolean leader, boolean subscribed) {
        when(connection.enabled()).thenReturn(true);
        when(connection.isLeader()).thenReturn(leader);
        when(connection.isSubscribed()).thenReturn(subscribed);
        return health.health().getStatus();
    }

    @Test
    void upWhenSubscribed() {
        assertThat(with(true, true)).isEqualTo(Status.UP);
        assertThat(LongConnectionState.of(connection)).isEqualTo(LongConnectionState.SUBSCRIBED);
    }

    @Test
    void upAsStandbyWhileAnotherInstanceHoldsTheConnection() {
        assertThat(with(false, false)).isEqualTo(Status.UP);
        assertThat(LongConnectionState.of(connection)).isEqualTo(LongConnectionState.STANDBY);
    }

    @Test
    void downWhileHoldingTheLockButNotSubscribed() {
        assertThat(with(true, false)).isEqualTo(Status.DOWN);
        assertThat(LongConnectionState.of(connection)).isEqualTo(LongConnectionState.CONNECTING);
    }
}
