package dev.courier.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.EventKind;
import dev.courier.worker.MessagePort;
import dev.courier.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TimeoutFactorSetAside.class)
@CourierTest
class ProbeTests {

    private static final Duration LONG = Duration.ofSeconds(5);
    private static final Duration SHORT = Duration.ofMillis(50);

    @Test
    void receiveReturnsMessagesInArrivalOrder(Probe probe) {
        // GIVEN two messages posted to the probe's port, one of them null
        probe.port().postMessage("a");
        probe.port().postMessage(null);

        // WHEN the probe receives twice / THEN they come in order
        assertThat(probe.receive(LONG)).isEqualTo("a");
        assertThat(probe.receive()).isNull();
    }

    @Test
    void receiveFailsShowingTheProbeAndTheHistory(Probe probe) {
        // GIVEN a probe that already took its one message
        probe.port().postMessage("only");
        probe.receive(LONG);

        // WHEN it waits for another / THEN it fails naming the wait and the state
        assertThatThrownBy(() -> probe.receive(SHORT)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("probe `" + probe.label() + "` expected a message within 50 ms but none arrived")
                .hasMessageContaining("probe: 1 message taken before, 0 waiting")
                .hasMessageContaining("1 sent, 1 delivered, 0 dropped");
        assertThat(probe.label()).matches("channel-\\d+\\.port1");
    }

    @Test
    void receiveNCollectsWhatAWorkerSendsToTheHandedOverPort(Workers workers, Probe probe) {
        // GIVEN a worker that answers three times on the port it is handed
        Worker worker = workers.start("replier", ctx -> ctx.parentPort().onMessage(event -> {
            MessagePort reply = event.ports().get(0);
            for (int i = 1; i <= 3; i++) {
                reply.postMessage(event.data() + "-" + i);
            }
        }));

        // WHEN the test hands it the probe's port
        worker.postMessage("job", List.of(probe.port()));

        // THEN the probe receives the three answers
        assertThat(probe.receiveN(3, LONG)).containsExactly("job-1", "job-2", "job-3");
    }

    @Test
    void receiveNFailsListingWhatArrived(Probe probe) {
        // GIVEN only two of three messages
        probe.port().postMessage(1);
        probe.port().postMessage(2);

        // WHEN three are expected / THEN it fails listing the two
        assertThatThrownBy(() -> probe.receiveN(3, SHORT)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("probe `" + probe.label() + "` expected 3 messages within 50 ms but 2 arrived: "
                        + "[1 (Integer), 2 (Integer)]");
    }

    @Test
    void expectMessageReturnsTheMatchingMessage(Probe probe) {
        // GIVEN a message
        probe.port().postMessage("ready:7");

        // WHEN one matching is expected / THEN it is returned
        assertThat(probe.expectMessage(data -> data.toString().startsWith("ready"), LONG)).isEqualTo("ready:7");
    }

    @Test
    void expectMessageFailsShowingTheMessageThatDidNotMatch(Probe probe) {
        // GIVEN a message that does not match
        probe.port().postMessage("error:7");

        // WHEN a matching one is expected / THEN it fails showing what came
        assertThatThrownBy(() -> probe.expectMessage(data -> data.toString().startsWith("ready"), LONG))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("probe `" + probe.label() + "` expected a message matching the predicate but "
                        + "got error:7 (String)");
    }

    @Test
    void expectMessageFailsWhenNothingArrives(Probe probe) {
        assertThatThrownBy(() -> probe.expectMessage(data -> true, SHORT)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("probe `" + probe.label() + "` expected a message matching the predicate "
                        + "within 50 ms but none arrived");
    }

    @Test
    void expectNothingForPassesWhenNothingArrives(Probe probe) {
        // GIVEN a silent probe / WHEN nothing is expected / THEN it passes and later messages still arrive
        probe.expectNothingFor(SHORT);
        probe.port().postMessage("after");
        assertThat(probe.receive(LONG)).isEqualTo("after");
    }

    @Test
    void expectNothingForWaitsTheWholeWindowAndCatchesALateMessage(Workers workers, Probe probe) {
        // GIVEN a worker that sends on the probe's port 100 ms after it gets it
        Worker worker = workers.start("late", ctx -> ctx.parentPort().onMessage(event -> {
            MessagePort reply = event.ports().get(0);
            ctx.setTimeout(() -> reply.postMessage("late"), Duration.ofMillis(100));
        }));
        worker.postMessage("go", List.of(probe.port()));

        // WHEN nothing is expected for a window longer than that / THEN the late message fails it
        assertThatThrownBy(() -> probe.expectNothingFor(LONG)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("probe `" + probe.label() + "` expected no message for 5 s but got late "
                        + "(String)");
    }

    @Test
    void probesAreIndependentButShareTheTestsLog(Probe first, Probe second, Workers workers) {
        // GIVEN two probes
        first.port().postMessage("to-first");

        // THEN only the first receives, and both record into the test's log
        assertThat(first.receive(LONG)).isEqualTo("to-first");
        second.expectNothingFor(SHORT);
        assertThat(first.label()).isNotEqualTo(second.label());
        assertThat(workers.log().snapshot().count(EventKind.DELIVERED)).isEqualTo(1);
    }

    @Test
    void waitsMustBePositive(Probe probe) {
        assertThatThrownBy(() -> probe.receive(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probe wait: within must be positive, was 0 ms");
        assertThatThrownBy(() -> probe.receiveN(0, LONG)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("receiveN: n must be at least 1, was 0");
    }
}
