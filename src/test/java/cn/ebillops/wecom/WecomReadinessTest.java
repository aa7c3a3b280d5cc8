package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;

/** With the long connection configured, readiness holds the wecom component, UP once subscribed to the stand-in. */
class WecomReadinessTest extends WecomStandInTestBase {

    @Autowired HealthEndpoint health;

    @Test
    void readinessHoldsTheLongConnectionUpOnceSubscribed() {
        await("long connection subscribed").atMost(Duration.ofSeconds(15)).until(aibot::isSubscribed);
        CompositeHealthDescriptor readiness = (CompositeHealthDescriptor) health.healthForPath("readiness");
        assertThat(readiness.getComponents()).containsKeys("wecom", "db", "readinessState");
        assertThat(readiness.getComponents().get("wecom").getStatus()).isEqualTo(Status.UP);
        assertThat(readiness.getStatus()).isEqualTo(Status.UP);
    }
}
