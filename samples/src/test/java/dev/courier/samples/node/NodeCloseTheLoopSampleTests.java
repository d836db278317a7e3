package dev.courier.samples.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.assertions.CourierAssertions;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.junit.CourierTest;
import org.junit.jupiter.api.Test;

/**
 * The close-the-loop recipe on a real Node.js program: 1,000 jobs, each acknowledged, and the worker stopped only
 * when every acknowledgement is in; then every message is checked delivered exactly once and in send order. The
 * bug stops the worker once the last job is sent, and Courier shows every job still queued as lost (TERMINATED).
 */
@CourierTest
class NodeCloseTheLoopSampleTests {

    @Test
    void stoppingWhenTheLastJobIsSentLosesTheQueuedOnes(DeliveryLog log) {
        // GIVEN / WHEN
        NodeSamples.run("close-the-loop", "bug", log);

        // THEN
        assertThat(Checks.delivery(log).channel("main", "ledger#1").lost()).isPositive();
        CourierAssertions.assertThat(log).hasAnomaly(AnomalyKind.TERMINATED_WITH_QUEUED).isAt("ledger#1")
                .hasExplanationContaining("terminate() discarded", "to worker `ledger#1` (TERMINATED)");
    }

    @Test
    void waitingForEveryAcknowledgementDeliversAllOfThemInOrder(DeliveryLog log) {
        // GIVEN / WHEN
        NodeSamples.run("close-the-loop", "fix", log);

        // THEN
        CourierAssertions.assertThat(log).deliveredExactlyOnce().isInSendOrderPerSender().check();
        assertThat(Checks.delivery(log).channel("main", "ledger#1").ok()).isEqualTo(1000);
        assertThat(Checks.delivery(log).channel("ledger#1", "main").ok()).isEqualTo(1000);
    }
}
