package dev.courier.assertions;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.EventKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(UnscaledTimeouts.class)
class ProbeExpectationsTests {

    private static final Duration SHORT = Duration.ofMillis(50);

    private final Recorder recorder = new Recorder();

    private void deliver(long id, Object payload) {
        recorder.sent(id, id, "main", "probe");
        recorder.message(EventKind.DELIVERED, id, id, "main", "probe").payload(payload).append();
    }

    @Test
    void allOfASetInAnyOrderPasses() {
        // GIVEN three payloads delivered in another order than listed
        deliver(1, "c");
        deliver(2, "a");
        deliver(3, "b");

        // WHEN / THEN
        assertThatCode(() -> assertThat(recorder.endpoint("probe")).receivedAllOf("a", "b", "c").check())
                .doesNotThrowAnyException();
    }

    @Test
    void allOfASetListsWhatIsMissingAndWhatArrived() {
        // GIVEN "b" is missing and "a" is wanted twice but came once
        deliver(1, "a");
        deliver(2, "c");

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.endpoint("probe")).within(SHORT).receivedAllOf("a", "a", "b")
                .check())
                .hasMessageStartingWith("Expecting `probe` to receive all of 3 payloads in any order within 50 ms but "
                        + "2 were missing:\n"
                        + "  - a (String)\n"
                        + "  - b (String)\n"
                        + "Received 2 payloads:\n"
                        + "  - a (String)\n"
                        + "  - c (String)\n"
                        + "Still not true after waiting 50 ms.");
    }

    @Test
    void fishForSkipsOtherMessagesUntilOneMatches() {
        // GIVEN heartbeats before the reply
        deliver(1, "heartbeat");
        deliver(2, "heartbeat");
        deliver(3, "reply:42");

        // WHEN / THEN
        assertThatCode(() -> assertThat(recorder.endpoint("probe"))
                .fishedFor("a reply", m -> String.valueOf(m).startsWith("reply:")).check())
                .doesNotThrowAnyException();
    }

    @Test
    void fishForListsTheSkippedMessagesWhenNothingMatches() {
        // GIVEN only heartbeats
        deliver(1, "heartbeat");
        deliver(2, "heartbeat");

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.endpoint("probe"))
                .fishedFor("a reply", m -> String.valueOf(m).startsWith("reply:")).check())
                .hasMessage("Expecting `probe` to receive a message matching a reply but none matched; skipped 2 "
                        + "messages:\n"
                        + "  - heartbeat (String)\n"
                        + "  - heartbeat (String)");
    }

    @Test
    void receiveWhileCollectsTheLeadingRunOfMatchingMessages() {
        // GIVEN two ticks, then a stop, then another tick
        deliver(1, "tick");
        deliver(2, "tick");
        deliver(3, "stop");
        deliver(4, "tick");

        // WHEN / THEN the run ends at the first non-matching message
        assertThat(recorder.endpoint("probe")).within(SHORT).receivedWhile("tick"::equals)
                .containsExactly("tick", "tick");
    }

    @Test
    void withoutRetainedPayloadsTheFailureSaysSo() {
        // GIVEN a delivery recorded without its payload
        recorder.roundTrip(1, 1, "main", "probe");

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.endpoint("probe")).receivedAllOf("a").check())
                .hasMessageEndingWith("Every delivered payload reads as null: payloads are compared only when "
                        + "retained (WorkerOptions.retainPayloads(true), or @DeliveryOptions(retainPayloads = ...)).");
    }
}
