package dev.courier.assertions;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(UnscaledTimeouts.class)
class LatencyAssertionsTests {

    private final Recorder recorder = new Recorder();

    /** Messages 1..3 to w#1 take 1, 2 and 3 ms; message 4 to slow#2 takes 30 ms. */
    private void deliveries() {
        for (long id = 1; id <= 3; id++) {
            recorder.sent(id, id, "main", "w#1");
            recorder.at(id).delivered(id, id, "main", "w#1");
        }
        recorder.sent(4, 1, "main", "slow#2");
        recorder.at(30).delivered(4, 1, "main", "slow#2");
    }

    @Test
    void percentileBelowTheLimitPasses() {
        // GIVEN deliveries taking 1 to 30 ms
        deliveries();

        // WHEN / THEN
        assertThatCode(() -> {
            assertThat(recorder.log).latency().percentile(99).isLessThan(Duration.ofMillis(31));
            assertThat(recorder.log).latency().percentile(50).isLessThanOrEqualTo(Duration.ofMillis(2));
            assertThat(recorder.log).latency().percentileAt("w#1", 99).isLessThan(Duration.ofMillis(4));
        }).doesNotThrowAnyException();
    }

    @Test
    void percentileAboveTheLimitListsStatsAndDiagnosesTheSlowReceiver() {
        // GIVEN deliveries taking 1 to 30 ms
        deliveries();

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).latency().percentile(99).isLessThan(Duration.ofMillis(5)))
                .hasMessage("Expecting the p99 over all receivers SENT to DELIVERED latency to be less than 5 ms but "
                        + "it was 30 ms:\n"
                        + "  - all receivers: 4 messages, p50 2 ms, p90 30 ms, p99 30 ms, max 30 ms\n"
                        + "  - `w#1`: 3 messages, p50 2 ms, p90 3 ms, p99 3 ms, max 3 ms\n"
                        + "  - `slow#2`: 1 message, p50 30 ms, p90 30 ms, p99 30 ms, max 30 ms\n"
                        + "Diagnosis:\n"
                        + "  DEADLINE_MISSED at `slow#2`: 1 of 1 message to `slow#2` was delivered later than 5 ms "
                        + "after it was sent (max 30 ms). Fix: find what holds the receiver up (a slow or blocking "
                        + "listener, a long queue) or relax the deadline.");
    }

    @Test
    void percentileAtOneReceiverDiagnosesOnlyThatReceiver() {
        // GIVEN deliveries taking 1 to 30 ms
        deliveries();

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).latency().percentileAt("w#1", 90)
                .isLessThanOrEqualTo(Duration.ofMillis(2)))
                .hasMessageStartingWith("Expecting the p90 at `w#1` SENT to DELIVERED latency to be at most 2 ms but "
                        + "it was 3 ms:")
                .hasMessageContaining("DEADLINE_MISSED at `w#1`: 1 of 3 messages")
                .hasMessageNotContaining("DEADLINE_MISSED at `slow#2`");
    }

    @Test
    void percentileOverNoDeliveryFails() {
        // GIVEN a message sent but not delivered
        recorder.sent(1, 1, "main", "w#1");

        // WHEN / THEN an empty history says nothing about latency
        assertThatThrownBy(() -> assertThat(recorder.log).latency().percentile(99).isLessThan(Duration.ofSeconds(1)))
                .hasMessage("Expecting the p99 over all receivers SENT to DELIVERED latency to be less than 1 s but "
                        + "no message was delivered");
    }

    @Test
    void percentileOutOfRangeIsRejected() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).latency().percentile(101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("percentile must be within 0..100, got 101.0");
    }
}
