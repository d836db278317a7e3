package dev.courier.assertions;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.DropCause;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GrammarTests {

    private final Recorder recorder = new Recorder();

    @AfterEach
    void forgetLeftovers() {
        // A test below leaves an assert unchecked on purpose; it must not leak into the next test.
        try {
            CourierAssertions.requireAllChecked();
        } catch (IllegalStateException expected) {
            // reported once, forgotten
        }
    }

    @Test
    void anExpectationWithoutCheckIsNotEvaluatedAndIsReportedLoudly() {
        // GIVEN a history with three lost messages
        recorder.lateListener();

        // WHEN an expectation is declared but never checked
        assertThat(recorder.log).hasNoLostMessages();

        // THEN nothing was thrown then, but the unchecked assert is reported with where it was created
        assertThatThrownBy(CourierAssertions::requireAllChecked).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("1 Courier assertion was never evaluated: end each one with .check()")
                .hasMessageContaining("assertThat(log).hasNoLostMessages() at GrammarTests.java:");
    }

    @Test
    void theNextCourierAssertionReportsAnEarlierUncheckedOne() {
        // GIVEN an endpoint wait declared without check()
        recorder.roundTrip(1, 1, "main", "w#1");
        assertThat(recorder.endpoint("w#1")).within(Duration.ofSeconds(1)).receivedExactly(1);

        // WHEN another Courier assertion starts / THEN it fails naming the forgotten one
        assertThatThrownBy(() -> assertThat(recorder.log)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("assertThat(`w#1`).within(...).receivedExactly(1)");
    }

    @Test
    void aWaitBoundWithoutCheckIsReportedToo() {
        // GIVEN / WHEN a within(...) that is never checked
        assertThat(recorder.log).within(Duration.ofSeconds(1));

        // THEN
        assertThatThrownBy(CourierAssertions::requireAllChecked).hasMessageContaining("assertThat(log).within(...)");
    }

    @Test
    void checkWithNothingDeclaredFailsLoudly() {
        assertThatThrownBy(() -> assertThat(recorder.log).check()).isInstanceOf(IllegalStateException.class)
                .hasMessage("check() has nothing to check: declare an expectation first, e.g. "
                        + "assertThat(log).deliveredExactlyOnce().check()");
    }

    @Test
    void checkedAssertsLeaveNothingBehind() {
        // GIVEN a clean history
        recorder.roundTrip(1, 1, "main", "w#1");

        // WHEN checked now and with a wait
        assertThat(recorder.log).deliveredExactlyOnce().check();
        assertThat(recorder.endpoint("w#1")).within(Duration.ofSeconds(1)).handled(1).check();

        // THEN
        assertThatCode(CourierAssertions::requireAllChecked).doesNotThrowAnyException();
    }

    @Test
    void everyExpectationOfOneCheckIsEvaluated() {
        // GIVEN a history whose only problem is a duplicate
        recorder.roundTrip(1, 1, "main", "w#1");
        recorder.delivered(1, 1, "main", "w#1");

        // WHEN / THEN the second expectation of the chain fails the check
        assertThatThrownBy(() -> assertThat(recorder.log).hasNoLostMessages().hasNoDuplicates().check())
                .hasMessageStartingWith("Expecting no duplicate deliveries but 1 of 1 message was delivered more "
                        + "than once:");
    }

    @Test
    void timeoutFactorScalesTheWaitAndSaysSo() {
        // GIVEN a factor of 2 and a message that never arrives
        recorder.sent(1, 1, "main", "w#1");
        CourierAssertions.setTimeoutFactor(2);
        try {
            // WHEN / THEN the failure names the scaled bound and the factor
            assertThatThrownBy(() -> assertThat(recorder.endpoint("w#1")).within(Duration.ofMillis(30))
                    .receivedExactly(1).check())
                    .hasMessageStartingWith("Expecting `w#1` to receive exactly 1 message within 60 ms (30 ms × "
                            + "timeout factor 2) but it received 0");
            assertThat(CourierAssertions.dilated(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(10));
        } finally {
            CourierAssertions.resetTimeoutFactor();
        }
        assertThat(CourierAssertions.timeoutFactor()).isEqualTo(1.0);
    }

    @Test
    void aTimeoutFactorScopedToThisThreadAppliesUntilClosedAndCodeWins() throws InterruptedException {
        // GIVEN a factor of 4 scoped to this thread (outside it: 1, or what courier.timeout.factor says)
        double outside = CourierAssertions.timeoutFactor();
        double[] elsewhere = new double[1];
        try (TimeoutScope scope = CourierAssertions.useTimeoutFactorOnThisThread(4)) {
            // WHEN / THEN this thread's waits are scaled by it, another thread's are not
            assertThat(CourierAssertions.dilated(Duration.ofMillis(5))).isEqualTo(Duration.ofMillis(20));
            Thread other = new Thread(() -> elsewhere[0] = CourierAssertions.timeoutFactor());
            other.start();
            other.join(5_000);
            assertThat(elsewhere[0]).isEqualTo(outside);
            // AND a factor set in code wins over it
            CourierAssertions.setTimeoutFactor(2);
            try {
                assertThat(CourierAssertions.timeoutFactor()).isEqualTo(2.0);
            } finally {
                CourierAssertions.resetTimeoutFactor();
            }
            assertThat(CourierAssertions.timeoutFactor()).isEqualTo(4.0);
        }
        assertThat(CourierAssertions.timeoutFactor()).isEqualTo(outside);
    }

    @Test
    void timeoutFactorPropertyIsReadAndBadValuesAreNamed() {
        // GIVEN
        System.setProperty("courier.timeout.factor", "3");
        try {
            // WHEN / THEN
            assertThat(CourierAssertions.timeoutFactor()).isEqualTo(3.0);
            System.setProperty("courier.timeout.factor", "slow");
            assertThatThrownBy(CourierAssertions::timeoutFactor).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("system property courier.timeout.factor: cannot read 'slow' as a timeout "
                            + "factor");
        } finally {
            System.clearProperty("courier.timeout.factor");
        }
        assertThatThrownBy(() -> CourierAssertions.setTimeoutFactor(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout factor must be a positive number up to 1000, got 0.0");
    }

    @Test
    void snapshotChecksNeverWait() {
        // GIVEN a frozen snapshot with one lost message
        recorder.sentAndDropped(1, "main", "w#1", DropCause.TERMINATED);

        // WHEN / THEN the snapshot's check fails at once
        assertThatThrownBy(() -> assertThat(recorder.snapshot()).hasNoLostMessages().check())
                .hasMessageStartingWith("Expecting no lost messages but 1 of 1 was lost:");
    }
}
