package dev.courier.samples.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.assertions.CourierAssertions;
import dev.courier.history.DeliveryLog;
import dev.courier.junit.CourierTest;
import dev.courier.junit.ExpectDeliveryFaults;
import dev.courier.history.AnomalyKind;
import dev.courier.node.NodeProgram;
import org.junit.jupiter.api.Test;

/**
 * Seed incident, in real Node.js: each job carries its completion callback, {@code postMessage} throws a
 * {@code DataCloneError}, and a {@code try/catch} swallows it: the jobs silently never run. Courier records the
 * clone failure with the error and the line that posted. Fix: send plain data, keep callbacks on the main side.
 */
@CourierTest
class NodeSwallowedCloneErrorSampleTests {

    @Test
    @ExpectDeliveryFaults(AnomalyKind.CLONE_FAILURE)
    void aSwallowedDataCloneErrorIsStillOnRecord(DeliveryLog log) {
        // GIVEN / WHEN
        NodeProgram program = NodeSamples.run("swallowed-clone-error", "bug", log);

        // THEN the program printed nothing, but the history has both failures with the cause
        assertThat(program.stdout()).doesNotContain("sent mail");
        CourierAssertions.assertThat(log).hasCloneFailures(2).check();
        assertThatThrownBy(() -> CourierAssertions.assertThat(log).hasNoCloneFailures().check())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("main -> mailer#1 at $.onDone (function): DataCloneError: () => "
                        + "console.log('sent mail ' + id) could not be cloned. (postMessage at file://")
                .hasMessageContaining("swallowed-clone-error.mjs:21");
    }

    @Test
    void plainDataCrossesAndTheCallbacksRunOnMain(DeliveryLog log) {
        // GIVEN / WHEN
        NodeProgram program = NodeSamples.run("swallowed-clone-error", "fix", log);

        // THEN
        assertThat(program.stdout()).contains("sent mail 1", "sent mail 2");
        CourierAssertions.assertThat(log).hasNoCloneFailures().deliveredExactlyOnce().check();
    }
}
