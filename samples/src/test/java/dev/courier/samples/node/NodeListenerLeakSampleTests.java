package dev.courier.samples.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.assertions.CourierAssertions;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.junit.CourierTest;
import dev.courier.junit.ExpectDeliveryFaults;
import dev.courier.node.NodeProgram;
import org.junit.jupiter.api.Test;

/**
 * Seed incident, in real Node.js: a request helper adds a {@code 'message'} listener on the worker per request and
 * never removes it (Node prints a MaxListenersExceededWarning that is easy to miss). Courier records every listener
 * count and reports the leak at {@code main}. Fix: one listener and a map of pending requests.
 */
@CourierTest
class NodeListenerLeakSampleTests {

    @Test
    @ExpectDeliveryFaults(AnomalyKind.LISTENER_LEAK)
    void aListenerPerRequestIsReportedAsALeak(DeliveryLog log) {
        // GIVEN / WHEN
        NodeProgram program = NodeSamples.run("listener-leak", "bug", log);

        // THEN
        assertThat(program.stderr()).contains("MaxListenersExceededWarning");
        CourierAssertions.assertThat(log).hasAnomaly(AnomalyKind.LISTENER_LEAK).isAt("main")
                .hasExplanation("`main` had 15 'message' listeners (threshold 10): listeners are being added "
                        + "without being removed")
                .hasFixContaining("add the listener once, outside the per-message path");
    }

    @Test
    void oneListenerWithPendingRequestsDoesNotLeak(DeliveryLog log) {
        // GIVEN / WHEN
        NodeProgram program = NodeSamples.run("listener-leak", "fix", log);

        // THEN
        assertThat(program.stdout()).contains("prices: 15");
        assertThat(Checks.lifecycle(log).anomalies()).isEmpty();
        CourierAssertions.assertThat(log).deliveredExactlyOnce().check();
    }
}
