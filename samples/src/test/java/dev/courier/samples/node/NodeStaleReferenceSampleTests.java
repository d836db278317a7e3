package dev.courier.samples.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.assertions.CourierAssertions;
import dev.courier.history.AnomalyKind;
import dev.courier.history.DeliveryLog;
import dev.courier.junit.CourierTest;
import dev.courier.junit.ExpectDeliveryFaults;
import dev.courier.node.NodeProgram;
import org.junit.jupiter.api.Test;

/**
 * Seed incident, in real Node.js: a pool restarts its crashed worker, but a scheduler kept the old reference and
 * posts to it. Node ignores the post silently; Courier records it as lost (PORT_CLOSED) and names the newer worker
 * of the same name that was running. Fix: look the worker up at send time.
 */
@CourierTest
@ExpectDeliveryFaults(AnomalyKind.WORKER_ERROR)
class NodeStaleReferenceSampleTests {

    @Test
    void aPostToTheExitedWorkerIsLostAndTheNewerOneNamed(DeliveryLog log) {
        // GIVEN / WHEN
        NodeProgram program = NodeSamples.run("stale-reference", "bug", log);

        // THEN
        assertThat(program.stdout()).doesNotContain("thumbnail done");
        CourierAssertions.assertThat(log).hasAnomaly(AnomalyKind.STALE_REFERENCE).isAt("resizer#1")
                .hasExplanation("1 message was sent to worker `resizer#1` after it had exited while a newer worker "
                        + "of the same name (`resizer#2`) was running; they were dropped (PORT_CLOSED)")
                .hasFixContaining("look the worker up at send time");
    }

    @Test
    void lookingTheWorkerUpAtSendTimeReachesTheNewOne(DeliveryLog log) {
        // GIVEN / WHEN
        NodeProgram program = NodeSamples.run("stale-reference", "fix", log);

        // THEN
        assertThat(program.stdout()).contains("thumbnail done");
        CourierAssertions.assertThat(log).hasNoLostMessages().check();
    }
}
