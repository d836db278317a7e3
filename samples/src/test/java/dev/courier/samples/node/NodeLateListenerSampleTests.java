package dev.courier.samples.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.assertions.CourierAssertions;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.junit.CourierTest;
import dev.courier.node.NodeProgram;
import org.junit.jupiter.api.Test;

/**
 * Seed incident, in real Node.js: listeners registered after a top-level {@code await}. What Node really does
 * differs by side: the worker's {@code parentPort} buffers, so the worker that listens 30 ms late still gets all
 * three clips; the main thread's {@code Worker} is an EventEmitter, so the three results emitted while main was
 * awaiting are lost. Fix: register {@code worker.on('message')} before the await.
 */
@CourierTest
class NodeLateListenerSampleTests {

    @Test
    void resultsEmittedWhileMainAwaitsAreLostAndTheLateListenerIsNamed(DeliveryLog log) {
        // GIVEN / WHEN the buggy program runs
        NodeProgram program = NodeSamples.run("late-listener", "bug", log);

        // THEN the worker side lost nothing (its port buffered), main lost all three results
        assertThat(program.stdout()).contains("results: 0");
        assertThat(Checks.delivery(log).channel("main", "transcoder#1").ok()).isEqualTo(3);
        CourierAssertions.assertThat(log).hasLostMessagesWithCause(DropCause.NO_LISTENER, 3).check();
        CourierAssertions.assertThat(log).hasAnomaly(AnomalyKind.LATE_LISTENER).isAt("main")
                .hasExplanationContaining("3 messages to `main` were dropped (NO_LISTENER) because it registered "
                        + "its message listener", "after the first of them arrived",
                        "the main side of a worker does not buffer (Node's Worker is an EventEmitter)")
                .hasFixContaining("register worker.on('message')", "before any await");
        assertThatThrownBy(() -> CourierAssertions.assertThat(log).hasNoLostMessages().check())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("registered its message listener");
    }

    @Test
    void listeningBeforeTheAwaitReceivesEveryResult(DeliveryLog log) {
        // GIVEN / WHEN the fixed program runs
        NodeProgram program = NodeSamples.run("late-listener", "fix", log);

        // THEN
        assertThat(program.stdout()).contains("results: 3");
        CourierAssertions.assertThat(log).deliveredExactlyOnce().isInSendOrderPerSender().check();
    }
}
