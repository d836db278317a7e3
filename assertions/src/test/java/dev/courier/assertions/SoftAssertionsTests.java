package dev.courier.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.AnomalyKind;
import dev.courier.history.DropCause;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoftAssertionsTests {

    private final Recorder recorder = new Recorder();

    @Test
    void softAssertionsCollectEveryFailure() {
        // GIVEN the late-listener history plus a late duplicate of message 4 (so also out of order)
        recorder.lateListener();
        recorder.delivered(4, 4, "main", "transcoder#3");
        CourierSoftAssertions softly = new CourierSoftAssertions();

        // WHEN four Courier checks and one AssertJ check fail softly
        softly.assertThat(recorder.log).hasNoLostMessages().check();
        softly.assertThat(recorder.log).hasNoDuplicates().isInSendOrderPerSender().check();
        softly.assertThat(recorder.log).isInSendOrderPerSender().check();
        softly.assertThat(recorder.endpoint("transcoder#3")).within(Duration.ofMillis(20)).receivedExactly(9).check();
        softly.assertThat("courier").startsWith("x");

        // THEN all five are collected, in order; one check() reports its first failing expectation
        List<Throwable> errors = softly.errorsCollected();
        assertThat(errors).hasSize(5);
        assertThat(errors.get(0)).hasMessageStartingWith("Expecting no lost messages but 3 of 5 were lost:");
        assertThat(errors.get(1)).hasMessageStartingWith("Expecting no duplicate deliveries");
        assertThat(errors.get(2)).hasMessageStartingWith("Expecting each sender's messages to be delivered in send "
                + "order but 1 delivery broke per-sender FIFO:");
        assertThat(errors.get(3)).hasMessageStartingWith("Expecting `transcoder#3` to receive exactly 9 messages");
        assertThat(errors.get(4)).hasMessageContaining("courier");
    }

    @Test
    void assertSoftlyReportsAllFailuresTogether() {
        // GIVEN the late-listener history
        recorder.lateListener();

        // WHEN / THEN
        assertThatThrownBy(() -> CourierSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(recorder.log.snapshot()).hasNoLostMessages().check();
            softly.assertThat(recorder.log).hasLostMessagesWithCause(DropCause.TERMINATED, 3).check();
            softly.assertThatPayload(List.of(1, 2)).isNotCloneable();
        }))
                .hasMessageContaining("Multiple Failures (3 failures)")
                .hasMessageContaining("Expecting no lost messages but 3 of 5 were lost:")
                .hasMessageContaining("Expecting 3 messages lost with cause TERMINATED but 0 were")
                .hasMessageContaining("not to be cloneable but a structured clone of it succeeded");
    }

    @Test
    void softChildAssertsCollectTheirFailures() {
        // GIVEN the late-listener history
        recorder.lateListener();
        CourierSoftAssertions softly = new CourierSoftAssertions();

        // WHEN a child assert's checks fail
        softly.assertThat(recorder.log).hasAnomaly(AnomalyKind.LATE_LISTENER).hasExplanationContaining("40 ms")
                .hasFixContaining("restart");
        softly.assertThat(recorder.log).latency().percentileAt("idle#9", 99).isLessThan(Duration.ofSeconds(1));

        // THEN each failure is collected
        assertThat(softly.errorsCollected()).hasSize(3);
        assertThat(softly.errorsCollected().get(0)).hasMessageStartingWith("Expecting the LATE_LISTENER anomaly's "
                + "explanation to contain:");
        assertThat(softly.errorsCollected().get(1)).hasMessageStartingWith("Expecting the LATE_LISTENER anomaly's "
                + "fix to contain:");
        assertThat(softly.errorsCollected().get(2)).hasMessageStartingWith("Expecting the p99 at `idle#9` SENT to DELIVERED "
                + "latency to be less than 1 s but no message was delivered there");
    }

    @Test
    void failedHandOverIsCollectedOnceAndTheChildChecksAreSkipped() {
        // GIVEN a history without an OVERFLOW anomaly
        recorder.lateListener();
        CourierSoftAssertions softly = new CourierSoftAssertions();

        // WHEN the anomaly is missing and the chain goes on
        softly.assertThat(recorder.log).hasAnomaly(AnomalyKind.OVERFLOW).hasExplanationContaining("capacity")
                .isAt("sink#2");
        softly.assertThat(recorder.log).hasNoDuplicates().check();

        // THEN only the missing anomaly is reported, and later checks still run
        assertThat(softly.errorsCollected()).singleElement().satisfies(error -> assertThat(error)
                .hasMessageStartingWith("Expecting the diagnosis to name OVERFLOW but it found only:"));
        softly.assertThat(recorder.log).hasNoLostMessages().check();
        assertThat(softly.errorsCollected()).hasSize(2);
    }
}
