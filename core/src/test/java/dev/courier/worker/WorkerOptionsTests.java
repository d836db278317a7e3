package dev.courier.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.clone.Codecs;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerOptionsTests {

    @Test
    void everyOptionMethodReturnsANewInstanceAndLeavesTheOriginalUnchanged() {
        // GIVEN the defaults
        WorkerOptions defaults = WorkerOptions.defaults();
        // WHEN options are derived
        WorkerOptions derived = defaults.name("x").capacity(4).overflow(OverflowPolicy.FAIL)
                .listenerPolicy(ListenerPolicy.DROP_WHEN_NO_LISTENER).retainPayloads(true)
                .codec(Codecs.identity()).drainTimeout(Duration.ofSeconds(1)).detectMutationInFlight(true);
        // THEN the defaults are untouched and the derived options hold the new values
        assertThat(defaults.name()).isEqualTo("worker");
        assertThat(defaults.isBounded()).isFalse();
        assertThat(defaults.listenerPolicy()).isEqualTo(ListenerPolicy.QUEUE_UNTIL_STARTED);
        assertThat(defaults.codec()).isSameAs(Codecs.structuredClone());
        assertThat(defaults.drainTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.detectMutationInFlight()).isFalse();
        assertThat(derived).isNotSameAs(defaults);
        assertThat(derived.name()).isEqualTo("x");
        assertThat(derived.capacity()).isEqualTo(4);
        assertThat(derived.overflow()).isEqualTo(OverflowPolicy.FAIL);
        assertThat(derived.retainPayloads()).isTrue();
        assertThat(derived.drainTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(derived.detectMutationInFlight()).isTrue();
        assertThat(derived.codec()).isSameAs(Codecs.identity());
    }

    @Test
    void badValuesAreRejectedWithTheOptionNamed() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> WorkerOptions.defaults().name(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("worker name must be non-blank");
        assertThatThrownBy(() -> WorkerOptions.defaults().drainTimeout(Duration.ZERO))
                .hasMessage("drainTimeout must be positive, got 0 ms");
        assertThatThrownBy(() -> WorkerOptions.defaults().blockTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("blockTimeout must be positive");
    }
}
