package dev.courier.assertions;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.clone.DataCloneException;
import dev.courier.history.AnomalyKind;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class LifecycleAssertionsTests {

    private static final String CLONE_DIAGNOSIS = "Diagnosis:\n"
            + "  CLONE_FAILURE at `main`: 1 payload posted by `main` was not cloneable (CLONE_FAILED); first at "
            + "$.jobs[2].callback (app.Job$$Lambda): a lambda cannot be cloned. Fix: remove or replace the "
            + "non-cloneable value at $.jobs[2].callback (send data, not behaviour).";

    private final Recorder recorder = new Recorder();

    private void lambdaCloneFailure() {
        DataCloneException error = new DataCloneException("$.jobs[2].callback", "app.Job$$Lambda",
                "a lambda cannot be cloned", "send data, not behaviour");
        recorder.log.writer().record(EventKind.CLONE_FAILED).between("main", "w#1")
                .detail("path $.jobs[2].callback: app.Job$$Lambda: a lambda cannot be cloned").error(error).append();
    }

    @Test
    void quietLifecyclePassesEveryLifecycleCheck() {
        // GIVEN a worker that started, handled one message and exited normally
        recorder.online("w#1", "w");
        recorder.roundTrip(1, 1, "main", "w#1");
        recorder.exit("w#1", 0);

        // WHEN / THEN
        assertThatCode(() -> assertThat(recorder.log).hasNoCloneFailures().hasCloneFailures(0).hasNoMessageErrors()
                .hasUnhandledMessageErrors(0).hasNoWorkerErrors().hasWorkerErrors(0).hasQueueDepthAtMost(1)
                .hasNoAnomalies().check()).doesNotThrowAnyException();
    }

    @Test
    void cloneFailureIsListedWithPathAndFix() {
        // GIVEN a payload with a lambda at $.jobs[2].callback
        lambdaCloneFailure();

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).hasNoCloneFailures().check())
                .hasMessage("Expecting no clone failures but 1 payload could not be cloned:\n"
                        + "  - main -> w#1 at $.jobs[2].callback (app.Job$$Lambda): a lambda cannot be cloned\n"
                        + CLONE_DIAGNOSIS);
    }

    @Test
    void expectedCloneFailurePassesByCountAndPath() {
        // GIVEN one clone failure
        lambdaCloneFailure();

        // WHEN / THEN
        assertThatCode(() -> assertThat(recorder.log).hasCloneFailures(1).hasCloneFailureAt("$.jobs[2].callback").check())
                .doesNotThrowAnyException();
    }

    @Test
    void cloneFailureAtAnotherPathFailsWithTheRecordedOnes() {
        // GIVEN one clone failure at $.jobs[2].callback
        lambdaCloneFailure();

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).hasCloneFailureAt("$.callback").check())
                .hasMessage("Expecting a clone failure at $.callback but the clone failures were:\n"
                        + "  - main -> w#1 at $.jobs[2].callback (app.Job$$Lambda): a lambda cannot be cloned\n"
                        + CLONE_DIAGNOSIS);
        assertThatThrownBy(() -> assertThat(recorder.log).hasCloneFailures(2).check())
                .hasMessageStartingWith("Expecting 2 clone failures but found 1:\n  - main -> w#1 at");
    }

    @Test
    void missingExpectedCloneFailureSaysThereWasNone() {
        // GIVEN no clone failure
        recorder.roundTrip(1, 1, "main", "w#1");

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).hasCloneFailureAt("$.callback").check())
                .hasMessage("Expecting a clone failure at $.callback but there was none");
    }

    @Test
    void unhandledMessageErrorIsListedWithTheCodecFix() {
        // GIVEN a decode failure at a receiver without a messageerror listener
        recorder.sent(1, 1, "main", "w#1");
        recorder.enqueued(1, 1, "main", "w#1", 1);
        recorder.delivered(1, 1, "main", "w#1");
        recorder.messageError(1, "main", "w#1", Outcome.UNHANDLED, new IOException("bad magic"));

        // WHEN / THEN
        assertThat(recorder.log).hasUnhandledMessageErrors(1).check();
        assertThatThrownBy(() -> assertThat(recorder.log).hasNoMessageErrors().check())
                .hasMessage("Expecting no message errors but 1 message could not be decoded:\n"
                        + "  - message 1 main -> w#1: UNHANDLED, java.io.IOException: bad magic\n"
                        + "Diagnosis:\n"
                        + "  UNHANDLED_MESSAGE_ERROR at `w#1`: 1 decode failure at `w#1` with no messageerror "
                        + "listener; first: java.io.IOException: bad magic. Fix: register a messageerror listener on "
                        + "`w#1` and check that both ends use the same codec.");
    }

    @Test
    void handledMessageErrorIsNotAnUnhandledOne() {
        // GIVEN a decode failure a messageerror listener received
        recorder.messageError(1, "main", "w#1", Outcome.HANDLED, new IOException("bad magic"));

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).hasUnhandledMessageErrors(1).check())
                .hasMessage("Expecting 1 unhandled message error but found 0 (1 message errors in all):\n"
                        + "  - message 1 main -> w#1: HANDLED, java.io.IOException: bad magic\n"
                        + "Diagnosis:\n"
                        + "  HANDLED_MESSAGE_ERROR at `w#1`: 1 decode failure at `w#1` reached its messageerror "
                        + "listener; first: java.io.IOException: bad magic. Fix: check that both ends use the same "
                        + "codec.");
    }

    @Test
    void workerErrorIsListedWithWhereItWasThrown() {
        // GIVEN a listener that threw
        recorder.online("parser#4", "parser");
        recorder.workerError("parser#4", "message listener", new IllegalStateException("bad header"));
        recorder.exit("parser#4", 1);

        // WHEN / THEN
        assertThat(recorder.log).hasWorkerErrors(1).check();
        assertThatThrownBy(() -> assertThat(recorder.log).hasNoWorkerErrors().check())
                .hasMessage("Expecting no worker errors but 1 worker error was recorded:\n"
                        + "  - `parser#4` in its message listener: java.lang.IllegalStateException: bad header\n"
                        + "Diagnosis:\n"
                        + "  WORKER_ERROR at `parser#4`: worker `parser#4` had an uncaught "
                        + "java.lang.IllegalStateException: bad header thrown in its message listener. Fix: handle the "
                        + "exception where it is thrown, or add an error listener that reports it and restarts the "
                        + "worker.");
        assertThatThrownBy(() -> assertThat(recorder.log).hasWorkerErrors(0).check())
                .hasMessageStartingWith("Expecting 0 worker errors but found 1:\n  - `parser#4` in its message");
    }

    @Test
    void deepQueueFailsWithItsDepthsAndThePendingDiagnosis() {
        // GIVEN three messages queued at sink#2, one delivered
        for (long id = 1; id <= 3; id++) {
            recorder.sent(id, id, "main", "sink#2");
            recorder.enqueued(id, id, "main", "sink#2", (int) id);
        }
        recorder.delivered(1, 1, "main", "sink#2");

        // WHEN / THEN
        assertThat(recorder.log).hasQueueDepthAtMost(3).check();
        assertThatThrownBy(() -> assertThat(recorder.log).hasQueueDepthAtMost(2).check())
                .hasMessage("Expecting every queue depth to be at most 2 but 1 queue went deeper:\n"
                        + "  - `sink#2`: depth 2, high-water mark 3 (enqueued 3, delivered 1, dropped 0)\n"
                        + "Diagnosis:\n"
                        + "  PENDING at `sink#2`: 2 messages to `sink#2` were still queued (2 of 2) while `sink#2` "
                        + "was consuming: its consumer had not taken them yet (it is slow, blocked or stopped). Fix: "
                        + "wait for them with within(...) or handled(n), and check the thread stacks in the timeout's "
                        + "state for a blocked listener.");
    }

    @Test
    void namedAnomalyGivesAnAssertOverItsExplanation() {
        // GIVEN the late-listener history
        recorder.lateListener();

        // WHEN / THEN
        assertThatCode(() -> assertThat(recorder.log).hasAnomaly(AnomalyKind.LATE_LISTENER)
                .isAt("transcoder#3").concernsMessages(1L, 2L, 3L)
                .hasExplanationContaining("registered its message listener 12 ms after it started")
                .hasFixContaining("QUEUE_UNTIL_STARTED")).doesNotThrowAnyException();
    }

    @Test
    void wrongExplanationFailsQuotingTheAnomaly() {
        // GIVEN the late-listener history
        recorder.lateListener();

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).hasAnomaly(AnomalyKind.LATE_LISTENER)
                .hasExplanationContaining("40 ms"))
                .hasMessageStartingWith("Expecting the LATE_LISTENER anomaly's explanation to contain:\n"
                        + "  - \"40 ms\"\n"
                        + "but it was:\n"
                        + "  \"3 messages to worker `transcoder#3` were dropped (NO_LISTENER) because it registered "
                        + "its message listener 12 ms after it started;");
    }

    @Test
    void missingAnomalyListsWhatTheDiagnosisFound() {
        // GIVEN the late-listener history
        recorder.lateListener();

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).hasAnomaly(AnomalyKind.OVERFLOW))
                .hasMessage("Expecting the diagnosis to name OVERFLOW but it found only:\n"
                        + "  - LATE_LISTENER at `transcoder#3`: 3 messages to worker `transcoder#3` were dropped "
                        + "(NO_LISTENER) because it registered its message listener 12 ms after it started; register "
                        + "listeners synchronously at the top of the script. Fix: register the 'message' listener "
                        + "synchronously at the top of the worker script, before any asynchronous setup (or keep the "
                        + "default QUEUE_UNTIL_STARTED policy).");
        assertThatThrownBy(() -> assertThat(recorder.log).hasNoAnomalies().check())
                .hasMessageStartingWith("Expecting no anomalies but the diagnosis found 1:\n  - LATE_LISTENER at");
    }
}
