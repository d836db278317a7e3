package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.clone.DataCloneException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class LifecycleChecksTests {

    private final History history = new History();

    @Test
    void workerThatStartedAndExitedCleanlyHasNoFaults() {
        // GIVEN a worker that came online, handled one message and exited
        history.online("echo#1", "echo");
        history.listenerAdded("echo#1", "message", 1);
        history.roundTrip(1, 1, "main", "echo#1");
        history.exit("echo#1", 0);

        // WHEN
        LifecycleReport report = Checks.lifecycle(history.snapshot());

        // THEN
        assertThat(report.isClean()).isTrue();
        assertThat(report.anomalies()).isEmpty();
        assertThat(report.queues().maxDepth("echo#1")).isEqualTo(1);
    }

    @Test
    void workerErrorIsReportedWithItsThrowable() {
        // GIVEN an uncaught error in a script
        IllegalArgumentException error = new IllegalArgumentException("no config");
        history.online("job#2", "job");
        history.workerError("job#2", "script", error);
        history.exit("job#2", 1);

        // WHEN
        LifecycleReport report = Checks.lifecycle(history.snapshot());

        // THEN
        assertThat(report.workerErrors()).singleElement().satisfies(e -> assertThat(e.error()).isSameAs(error));
        assertThat(report.anomalies()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AnomalyKind.WORKER_ERROR);
            assertThat(a.explanation()).isEqualTo("worker `job#2` had an uncaught java.lang.IllegalArgumentException: "
                    + "no config thrown in its script");
        });
    }

    @Test
    void unhandledMessageErrorsNameTheReceiverAndTheFirstError() {
        // GIVEN two decode failures without a messageerror listener and one handled
        for (long id = 1; id <= 2; id++) {
            history.message(EventKind.MESSAGE_ERROR, id, id, "main", "w#1").outcome(Outcome.UNHANDLED)
                    .error(new IllegalStateException("unknown tag " + id)).append();
        }
        history.message(EventKind.MESSAGE_ERROR, 3, 3, "main", "w#1").outcome(Outcome.HANDLED).append();

        // WHEN
        LifecycleReport report = Checks.lifecycle(history.snapshot());

        // THEN
        assertThat(report.messageErrors()).hasSize(3);
        assertThat(report.unhandledMessageErrors()).hasSize(2);
        Anomaly unhandled = report.anomalies().get(0);
        assertThat(unhandled.kind()).isEqualTo(AnomalyKind.UNHANDLED_MESSAGE_ERROR);
        assertThat(unhandled.explanation()).isEqualTo("2 decode failures at `w#1` with no messageerror listener; "
                + "first: java.lang.IllegalStateException: unknown tag 1");
        assertThat(unhandled.fix()).isEqualTo("register a messageerror listener on `w#1` and check that both ends use "
                + "the same codec");
        assertThat(report.anomalies().get(1).isFailure()).isFalse();
    }

    @Test
    void cloneFailureNamesPathClassAndTheExceptionHint() {
        // GIVEN a clone failure recorded with its exception
        DataCloneException error = new DataCloneException("$.jobs[2].callback", "app.Job$$Lambda", "a lambda cannot "
                + "be cloned", "send data, not behaviour");
        history.log.writer().record(EventKind.CLONE_FAILED).between("main", "w#1")
                .detail("path $.jobs[2].callback: app.Job$$Lambda: a lambda cannot be cloned").error(error).append();

        // WHEN
        LifecycleReport report = Checks.lifecycle(history.snapshot());

        // THEN
        assertThat(report.cloneFailures()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("$.jobs[2].callback");
            assertThat(f.valueClass()).isEqualTo("app.Job$$Lambda");
            assertThat(f.problem()).isEqualTo("a lambda cannot be cloned");
        });
        Anomaly anomaly = report.anomalies().get(0);
        assertThat(anomaly.explanation()).isEqualTo("1 payload posted by `main` was not cloneable (CLONE_FAILED); "
                + "first at $.jobs[2].callback (app.Job$$Lambda): a lambda cannot be cloned");
        assertThat(anomaly.fix()).isEqualTo("remove or replace the non-cloneable value at $.jobs[2].callback (send "
                + "data, not behaviour)");
    }

    @Test
    void listenersAboveTheThresholdAreALeak() {
        // GIVEN 12 message listeners on one port
        for (int count = 1; count <= 12; count++) {
            history.listenerAdded("channel-1.port1", "message", count);
        }

        // WHEN
        LifecycleReport defaults = Checks.lifecycle(history.snapshot());
        LifecycleReport lenient = Checks.lifecycle(history.snapshot(), LifecycleOptions.defaults().listenerThreshold(12));

        // THEN
        assertThat(defaults.listenerLeaks()).containsExactly(new ListenerLeak("channel-1.port1", "message", 12, 10, 10));
        assertThat(defaults.anomalies().get(0).explanation()).isEqualTo("`channel-1.port1` had 12 'message' listeners "
                + "(threshold 10): listeners are being added without being removed");
        assertThat(lenient.listenerLeaks()).isEmpty();
    }

    @Test
    void optionsAreImmutableAndValidated() {
        // GIVEN the defaults
        LifecycleOptions defaults = LifecycleOptions.defaults();

        // WHEN
        LifecycleOptions changed = defaults.listenerThreshold(3);

        // THEN
        assertThat(defaults.listenerThreshold()).isEqualTo(10);
        assertThat(changed.listenerThreshold()).isEqualTo(3);
        assertThatThrownBy(() -> defaults.listenerThreshold(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("listenerThreshold must be 0 or more, got -1");
    }

    @Test
    void queuedMessagesAtTheSnapshotAreAnUndrainedQueueAndTheWorkerIsLiveAtTeardown() {
        // GIVEN three enqueued messages, one delivered, one dropped oldest, one still queued
        history.online("w#1", "w");
        for (long id = 1; id <= 3; id++) {
            history.sent(id, id, "main", "w#1");
            history.enqueued(id, id, "main", "w#1", (int) id);
        }
        history.delivered(1, 1, "main", "w#1");
        history.dropped(2, 2, "main", "w#1", DropCause.OVERFLOW);

        // WHEN checked as a teardown would
        LifecycleReport report = Checks.lifecycle(history.snapshot(), LifecycleOptions.defaults().atTeardown());

        // THEN
        assertThat(report.undrainedQueues()).containsExactly(new QueueStats("w#1", 3, 3, 1, 1, 1));
        assertThat(report.liveWorkers()).containsExactly("w#1");
        assertThat(report.anomalies()).extracting(Anomaly::explanation).containsExactly(
                "`w#1` still had 1 queued message when the snapshot was taken (enqueued 3, delivered 1, dropped 1, "
                + "high-water mark 3)",
                "worker `w#1` came online and had not exited when the snapshot was taken");
    }

    @RepeatedTest(100)
    void aRunningWorkerThatHandledEverythingIsNoAnomalyInAMidTestCheck() {
        // GIVEN a worker online, every message delivered and handled, no exit yet
        history.online("w#1", "w");
        history.sent(1, 1, "main", "w#1");
        history.enqueued(1, 1, "main", "w#1", 1);
        history.delivered(1, 1, "main", "w#1");

        // WHEN checked mid-test (the default options)
        LifecycleReport report = Checks.lifecycle(history.snapshot());

        // THEN the worker is listed as live but is not an anomaly
        assertThat(report.liveWorkers()).containsExactly("w#1");
        assertThat(report.anomalies()).isEmpty();
        assertThat(Checks.diagnose(history.snapshot()).anomalies()).isEmpty();
    }
}
