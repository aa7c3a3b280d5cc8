package cn.ebillops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanCreationNotAllowedException;

/** A warm-up cut short by a stop is told apart from a warm-up that failed. */
class StoppingTest {

    @Test
    void theStopsOwnFailuresAreRecognisedAnywhereInTheCauseChain() {
        assertThat(Stopping.explains(new BeanCreationNotAllowedException("embeddingModel", "in destruction"))).isTrue();
        assertThat(Stopping.explains(new BeanCreationException("embeddingModel", "failed",
                new RuntimeException(new IllegalStateException("Shutdown in progress"))))).isTrue();
        assertThat(Stopping.explains(new RuntimeException(new InterruptedException()))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(Stopping.explains(new IllegalStateException("model file missing"))).isFalse();
        assertThat(Stopping.explains(new RuntimeException(new java.io.IOException("no such file")))).isFalse();
    }
}
