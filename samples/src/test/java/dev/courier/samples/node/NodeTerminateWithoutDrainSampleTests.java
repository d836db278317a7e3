package dev.courier.samples.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.assertions.CourierAssertions;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.junit.CourierTest;
import org.junit.jupiter.api.Test;

/**
 * Seed incident, in real Node.js: {@code worker.terminate()} as soon as the first result is in, with the other jobs
 * still queued. Node drops them without a word; Courier records each as lost (TERMINATED) and names the call.
 * Fix: terminate only once every job has answered.
 */
@CourierTest
class NodeTerminateWithoutDrainSampleTests {

    @Test
    void terminateDiscardsTheQueuedJobsAndSaysSo(DeliveryLog log) {
        // GIVEN / WHEN
        NodeSamples.run("terminate-without-drain", "bug", log);

        // THEN at least the last three jobs were queued when terminate() hit (the second may be in progress)
        assertThat(Checks.delivery(log).channel("main", "encoder#1").lost()).isBetween(3, 4);
        CourierAssertions.assertThat(log).hasAnomaly(AnomalyKind.TERMINATED_WITH_QUEUED).isAt("encoder#1")
                .hasExplanationContaining("terminate() discarded", "queued messages to worker `encoder#1` (TERMINATED)")
                .hasFixContaining("call close() to drain the queue", "wait for every message's acknowledgement");
    }

    @Test
    void terminatingAfterTheLastResultLosesNothing(DeliveryLog log) {
        // GIVEN / WHEN
        NodeSamples.run("terminate-without-drain", "fix", log);

        // THEN
        CourierAssertions.assertThat(log).deliveredExactlyOnce().check();
        assertThat(Checks.delivery(log).channel("encoder#1", "main").ok()).isEqualTo(5);
    }
}
