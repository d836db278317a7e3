package dev.courier.samples.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.assertions.CourierAssertions;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.junit.CourierTest;
import org.junit.jupiter.api.Test;

/**
 * Seed incident, in real Node.js: a worker calls {@code process.exit()} on the job it thinks is the last, with two
 * more queued behind it. Courier infers the loss at the worker's exit (WORKER_EXITED) and names the exit code.
 * Fix: exit when the queue is drained (after the number of jobs main announced).
 */
@CourierTest
class NodeExitWithQueuedSampleTests {

    @Test
    void processExitWithJobsQueuedLosesThemAndNamesTheExit(DeliveryLog log) {
        // GIVEN / WHEN
        NodeSamples.run("exit-with-queued", "bug", log);

        // THEN
        CourierAssertions.assertThat(log).hasLostMessagesWithCause(DropCause.WORKER_EXITED, 2).check();
        CourierAssertions.assertThat(log).hasAnomaly(AnomalyKind.CRASHED_WITH_QUEUED).isAt("indexer#1")
                .hasExplanation("worker `indexer#1` exited with code 0 with 2 messages queued; they were dropped "
                        + "(WORKER_EXITED)")
                .hasFixContaining("keep the worker running until its queue is drained");
    }

    @Test
    void exitingOnceTheQueueIsDrainedLosesNothing(DeliveryLog log) {
        // GIVEN / WHEN
        NodeSamples.run("exit-with-queued", "fix", log);

        // THEN
        CourierAssertions.assertThat(log).deliveredExactlyOnce().check();
        assertThat(Checks.delivery(log).channel("main", "indexer#1").ok()).isEqualTo(5);
    }
}
