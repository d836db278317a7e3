package dev.courier.assertions;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.HistorySnapshot;
import dev.courier.tap.StageTap;
import dev.courier.tap.Taps;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DeliveryAssertionsTests {

    private static final String LATE_LISTENER_DIAGNOSIS = "Diagnosis:\n"
            + "  LATE_LISTENER at `transcoder#3`: 3 messages to worker `transcoder#3` were dropped (NO_LISTENER) "
            + "because it registered its message listener 12 ms after it started; register listeners synchronously "
            + "at the top of the script. Fix: register the 'message' listener synchronously at the top of the worker "
            + "script, before any asynchronous setup (or keep the default QUEUE_UNTIL_STARTED policy).";

    private final Recorder recorder = new Recorder();

    @Test
    void cleanHistoryPassesEveryDeliveryCheck() {
        // GIVEN three messages each delivered once
        for (long id = 1; id <= 3; id++) {
            recorder.roundTrip(id, id, "main", "w#1");
        }

        // WHEN / THEN
        assertThatCode(() -> assertThat(recorder.log).hasNoLostMessages().hasNoDuplicates()
                .hasNoUnexpectedMessages().deliveredExactlyOnce().hasLostMessages(0).check()).doesNotThrowAnyException();
    }

    @Test
    void lostMessagesAreListedWithTheLateListenerDiagnosis() {
        // GIVEN 3 of 5 messages dropped before the listener was registered
        recorder.lateListener();

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).hasNoLostMessages().check())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting no lost messages but 3 of 5 were lost:\n"
                        + "  - message 1 main -> transcoder#3 (seq 1): dropped NO_LISTENER\n"
                        + "  - message 2 main -> transcoder#3 (seq 2): dropped NO_LISTENER\n"
                        + "  - message 3 main -> transcoder#3 (seq 3): dropped NO_LISTENER\n"
                        + LATE_LISTENER_DIAGNOSIS);
    }

    @Test
    void aMessageWhoseStageThrewIsListedWithTheExceptionAndItsDiagnosisLeads() {
        // GIVEN a stage whose function throws for the second of two messages
        DeliveryLog log = DeliveryLog.create();
        StageTap<String, String> stage = Taps.stage("enrich", log, text -> text, text -> text, text -> "all");
        Consumer<String> exit = stage.output(text -> { });
        Consumer<String> entrance = stage.input(text -> {
            if (text.equals("b")) {
                throw new IllegalStateException("no profile for b");
            }
            exit.accept(text);
        });
        entrance.accept("a");
        assertThatThrownBy(() -> entrance.accept("b")).isInstanceOf(IllegalStateException.class);

        // WHEN / THEN the lost line names the exception and the diagnosis leads with it, never a wait
        assertThatThrownBy(() -> assertThat(log).hasNoLostMessages().check())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting no lost messages but 1 of 2 was lost:\n"
                        + "  - message 2 enrich.in[all] -> stage:enrich (seq 2): dropped because its stage threw "
                        + "java.lang.IllegalStateException: no profile for b\n"
                        + "Diagnosis:\n"
                        + "  STAGE_FAILED at `stage:enrich`: 1 message to `stage:enrich` was never delivered because "
                        + "the stage carrying it threw: stage `enrich` threw java.lang.IllegalStateException: no "
                        + "profile for b while handling it (message 2). Fix: handle the exception where the stage "
                        + "throws it (catch it and retry, fall back, or record the drop with its cause via "
                        + "StageTap.dropped / Recorder.recordDropped); a CompletableFuture chain swallows an exception "
                        + "unless something reads the failed future (exceptionally, handle or whenComplete).");
    }

    @Test
    void descriptionPrefixesTheFailure() {
        // GIVEN a lost message
        recorder.lateListener();

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).as("pipeline").hasNoLostMessages().check())
                .hasMessageStartingWith("[pipeline] Expecting no lost messages but 3 of 5 were lost:");
    }

    @Test
    void atMostTwentyLostMessagesAreListed() {
        // GIVEN 25 messages posted to an exited worker
        recorder.online("pool#3", "pool");
        recorder.exit("pool#3", 0);
        for (long id = 1; id <= 25; id++) {
            recorder.sentAndDropped(id, "main", "pool#3", DropCause.PORT_CLOSED);
        }

        // WHEN
        Throwable failure = catchThrowable(
                () -> assertThat(recorder.log).hasNoLostMessages().check());

        // THEN
        assertThat(failure).hasMessageStartingWith("Expecting no lost messages but 25 of 25 were lost:\n")
                .hasMessageContaining("  - message 20 main -> pool#3 (seq 20): dropped PORT_CLOSED\n"
                        + "  ... and 5 more\nDiagnosis:\n  STALE_REFERENCE at `pool#3`: 25 messages were sent to "
                        + "worker `pool#3` after it had exited; they were dropped (PORT_CLOSED). Fix: stop "
                        + "sending to a worker once it has exited")
                .hasMessageNotContaining("message 21 ");
    }

    @Test
    void expectedLossPassesWithTheRightCountAndCause() {
        // GIVEN the late-listener history
        recorder.lateListener();

        // WHEN / THEN
        assertThatCode(() -> assertThat(recorder.log).hasLostMessages(3)
                .hasLostMessagesWithCause(DropCause.NO_LISTENER, 3)
                .hasLostMessagesWithCause(DropCause.OVERFLOW, 0).check()).doesNotThrowAnyException();
    }

    @Test
    void wrongLostCountFailsWithTheLossesAndDiagnosis() {
        // GIVEN the late-listener history
        recorder.lateListener();

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).hasLostMessages(2).check())
                .hasMessage("Expecting 2 lost messages but 3 of 5 were lost:\n"
                        + "  - message 1 main -> transcoder#3 (seq 1): dropped NO_LISTENER\n"
                        + "  - message 2 main -> transcoder#3 (seq 2): dropped NO_LISTENER\n"
                        + "  - message 3 main -> transcoder#3 (seq 3): dropped NO_LISTENER\n"
                        + LATE_LISTENER_DIAGNOSIS);
    }

    @Test
    void expectedLossThatDidNotHappenSaysNoneWasLost() {
        // GIVEN nothing lost
        recorder.roundTrip(1, 1, "main", "w#1");

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).hasLostMessages(1).check())
                .hasMessage("Expecting 1 lost message but none of 1 was lost");
    }

    @Test
    void wrongCauseFailsWithEveryLossAndItsDiagnosis() {
        // GIVEN the late-listener history
        recorder.lateListener();

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).hasLostMessagesWithCause(DropCause.TERMINATED, 3).check())
                .hasMessage("Expecting 3 messages lost with cause TERMINATED but 0 were (3 lost in all):\n"
                        + "  - message 1 main -> transcoder#3 (seq 1): dropped NO_LISTENER\n"
                        + "  - message 2 main -> transcoder#3 (seq 2): dropped NO_LISTENER\n"
                        + "  - message 3 main -> transcoder#3 (seq 3): dropped NO_LISTENER\n"
                        + LATE_LISTENER_DIAGNOSIS);
    }

    @Test
    void duplicateDeliveryFailsWithTheDuplicateDiagnosis() {
        // GIVEN message 1 delivered twice
        recorder.roundTrip(1, 1, "main", "w#1");
        recorder.delivered(1, 1, "main", "w#1");

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).hasNoDuplicates().check())
                .hasMessage("Expecting no duplicate deliveries but 1 of 1 message was delivered more than once:\n"
                        + "  - message 1 main -> w#1 (seq 1): delivered 2 times\n"
                        + "Diagnosis:\n"
                        + "  DUPLICATE_DELIVERY at `w#1`: 1 message was delivered more than once to `w#1`: message 1 "
                        + "(from `main`, seq 1) 2 times. Fix: make the receiver idempotent (deduplicate by message id) "
                        + "and find the re-send that delivered the message again.");
    }

    @Test
    void unexpectedDeliveryFailsWithTheUnexpectedDiagnosis() {
        // GIVEN message 9 delivered but never sent
        recorder.roundTrip(1, 1, "main", "w#1");
        recorder.delivered(9, 1, "ghost", "w#1");

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).hasNoUnexpectedMessages().check())
                .hasMessage("Expecting no unexpected messages but 1 message was delivered without being sent:\n"
                        + "  - message 9 ghost -> w#1 (seq 1): delivered 1 time, never sent\n"
                        + "Diagnosis:\n"
                        + "  UNEXPECTED_DELIVERY at `w#1`: 1 message was delivered to `w#1` but never recorded as "
                        + "sent: 9. Fix: send through an instrumented port or tap so every message records SENT, or "
                        + "find who injects these messages.");
    }

    @Test
    void exactlyOnceFailsOnPendingMessagesWithEveryCategory() {
        // GIVEN one message delivered, one queued and one only sent
        recorder.roundTrip(1, 1, "main", "w#1");
        recorder.sent(2, 2, "main", "w#1");
        recorder.enqueued(2, 2, "main", "w#1", 1);
        recorder.sent(3, 3, "main", "w#1");

        // WHEN / THEN nothing is lost, yet exactly-once does not hold
        assertThat(recorder.log).hasNoLostMessages().check();
        assertThatThrownBy(() -> assertThat(recorder.log).deliveredExactlyOnce().check())
                .hasMessage("Expecting each of the 3 sent messages to be delivered exactly once with nothing in "
                        + "flight but 0 lost, 0 duplicated, 0 unexpected, 2 pending:\n"
                        + "  - message 2 main -> w#1 (seq 2): still queued\n"
                        + "  - message 3 main -> w#1 (seq 3): sent, never enqueued\n"
                        + "Diagnosis:\n"
                        + "  PENDING at `w#1`: 2 messages to `w#1` were still queued (1 of 2) while `w#1` was "
                        + "consuming: its consumer had not taken them yet (it is slow, blocked or stopped); 1 was sent "
                        + "but never enqueued. Fix: wait for them with within(...) or handled(n), and check the thread "
                        + "stacks in the timeout's state for a blocked listener.");
    }

    @Test
    void snapshotAssertionsJudgeTheFrozenSnapshot() {
        // GIVEN a snapshot taken before a loss
        recorder.roundTrip(1, 1, "main", "w#1");
        HistorySnapshot before = recorder.log.snapshot();
        recorder.sentAndDropped(2, "main", "w#1", DropCause.OVERFLOW);

        // WHEN / THEN the snapshot is clean, the log is not
        assertThat(before).deliveredExactlyOnce().check();
        assertThatThrownBy(() -> assertThat(recorder.log.snapshot()).hasNoLostMessages().check())
                .hasMessageStartingWith("Expecting no lost messages but 1 of 2 was lost:");
    }

    @Test
    void endpointHistoryChecksTheWholeLog() {
        // GIVEN a loss in the endpoint's log
        recorder.lateListener();

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.endpoint("transcoder#3")).history().hasNoLostMessages().check())
                .hasMessageStartingWith("Expecting no lost messages but 3 of 5 were lost:");
    }

    @Test
    void negativeExpectedCountIsRejected() {
        // GIVEN / WHEN / THEN a negative count is bad input, not a failed assertion
        assertThatThrownBy(() -> assertThat(recorder.log).hasLostMessages(-1).check())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected lost messages must be 0 or more, got -1");
    }
}
