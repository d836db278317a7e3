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

    @Test
    void relatedOptionsReadAsGroupsThatChangeOneFieldAtATime() {
        // GIVEN options set one field of each group after another
        WorkerOptions options = WorkerOptions.defaults().capacity(8).overflow(OverflowPolicy.DROP_OLDEST)
                .drainTimeout(Duration.ofSeconds(1)).blockTimeout(Duration.ofMillis(250)).stopTimeout(Duration.ofSeconds(3))
                .retainPayloads(true).detectMutationInFlight(true).capacity(16);

        // WHEN / THEN each group holds every field set, and setting one field kept the others
        assertThat(options.bounds()).isEqualTo(new WorkerOptions.Bounds(16, OverflowPolicy.DROP_OLDEST));
        assertThat(options.bounds().isBounded()).isTrue();
        assertThat(options.timeouts()).isEqualTo(new WorkerOptions.Timeouts(Duration.ofSeconds(1),
                Duration.ofMillis(250), Duration.ofSeconds(3)));
        assertThat(options.recording()).isEqualTo(new WorkerOptions.Recording(true, true));
        assertThat(WorkerOptions.defaults().bounds()).isEqualTo(new WorkerOptions.Bounds(WorkerOptions.UNBOUNDED,
                OverflowPolicy.BLOCK));
        assertThat(WorkerOptions.defaults().timeouts()).isEqualTo(new WorkerOptions.Timeouts(Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(2)));
        assertThat(WorkerOptions.defaults().recording()).isEqualTo(new WorkerOptions.Recording(false, false));
    }
}
