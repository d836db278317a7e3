package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LossDiagnosisTests {

    private final History history = new History();

    private void sendAndDrop(long id, String to, DropCause cause) {
        history.sent(id, id, "main", to);
        history.dropped(id, id, "main", to, cause);
    }

    @Test
    void lateListenerNamesTheDelaySinceTheWorkerStarted() {
        // GIVEN a worker that registers its listener 12 ms after it started, 3 messages dropped meanwhile
        history.online("transcoder#3", "transcoder");
        for (long id = 1; id <= 3; id++) {
            history.at(2);
            sendAndDrop(id, "transcoder#3", DropCause.NO_LISTENER);
        }
        history.at(6).listenerAdded("transcoder#3", "message", 1);

        // WHEN
        Anomaly anomaly = Checks.delivery(history.snapshot()).anomalies().get(0);

        // THEN one anomaly for all three messages
        assertThat(Checks.delivery(history.snapshot()).anomalies()).hasSize(1);
        assertThat(anomaly.kind()).isEqualTo(AnomalyKind.LATE_LISTENER);
        assertThat(anomaly.endpoint()).isEqualTo("transcoder#3");
        assertThat(anomaly.messageIds()).containsExactly(1L, 2L, 3L);
        assertThat(anomaly.explanation()).isEqualTo("3 messages to worker `transcoder#3` were dropped (NO_LISTENER) "
                + "because it registered its message listener 12 ms after it started; register listeners "
                + "synchronously at the top of the script");
        assertThat(anomaly.fix()).isEqualTo("register the 'message' listener synchronously at the top of the worker "
                + "script, before any asynchronous setup (or keep the default QUEUE_UNTIL_STARTED policy)");
    }

    @Test
    void listenerNeverRegisteredIsSaid() {
        // GIVEN a worker that never registers a message listener
        history.online("transcoder#3", "transcoder");
        sendAndDrop(1, "transcoder#3", DropCause.NO_LISTENER);

        // WHEN
        Anomaly anomaly = Checks.delivery(history.snapshot()).anomalies().get(0);

        // THEN
        assertThat(anomaly.explanation()).isEqualTo("1 message to worker `transcoder#3` was dropped (NO_LISTENER) "
                + "because it never registered a message listener; register listeners synchronously at the top of "
                + "the script");
    }

    @Test
    void terminateDiscardingQueuedMessagesIsExplained() {
        // GIVEN two queued messages dropped by terminate()
        history.online("pool#3", "pool");
        sendAndDrop(1, "pool#3", DropCause.TERMINATED);
        sendAndDrop(2, "pool#3", DropCause.TERMINATED);

        // WHEN
        Anomaly anomaly = Checks.delivery(history.snapshot()).anomalies().get(0);

        // THEN
        assertThat(anomaly.kind()).isEqualTo(AnomalyKind.TERMINATED_WITH_QUEUED);
        assertThat(anomaly.explanation()).isEqualTo("terminate() discarded 2 queued messages to worker `pool#3` "
                + "(TERMINATED)");
        assertThat(anomaly.fix()).isEqualTo("call close() to drain the queue before the worker stops, or wait for "
                + "every message's acknowledgement before calling terminate()");
    }

    @Test
    void discardedFromATappedQueueNamesTheCallNotTerminate() {
        // GIVEN two messages a tapped queue's clear() discarded (no worker involved)
        for (long id = 1; id <= 2; id++) {
            history.sent(id, id, "producer-1", "queue:inbox");
            history.message(EventKind.DROPPED, id, id, "producer-1", "queue:inbox").cause(DropCause.TERMINATED)
                    .detail("discarded by clear()").append();
        }

        // WHEN
        Anomaly anomaly = Checks.delivery(history.snapshot()).anomalies().get(0);

        // THEN the explanation names the recorded call and a fix for a pipeline stage
        assertThat(anomaly.kind()).isEqualTo(AnomalyKind.TERMINATED_WITH_QUEUED);
        assertThat(anomaly.explanation()).isEqualTo("2 queued messages to `queue:inbox` were lost (TERMINATED): "
                + "discarded by clear()");
        assertThat(anomaly.fix()).startsWith("let the consumer drain what is queued");
    }

    @Test
    void repliesDroppedAtMainThatNobodyListensForAreExplainedByTheMissingListener() {
        // GIVEN two replies from a worker that reached the main side while no message listener was ever added
        for (long id = 1; id <= 2; id++) {
            history.sent(id, id, "resizer#2", "main");
            history.dropped(id, id, "resizer#2", "main", DropCause.NO_LISTENER);
        }

        // WHEN
        Anomaly anomaly = Checks.delivery(history.snapshot()).anomalies().get(0);

        // THEN the explanation says main does not buffer, and the fix is to listen right after creating the worker
        assertThat(anomaly.kind()).isEqualTo(AnomalyKind.LATE_LISTENER);
        assertThat(anomaly.explanation()).isEqualTo("2 messages to `main` were dropped (NO_LISTENER) because it never "
                + "registered a message listener; the main side of a worker does not buffer (Node's Worker is an "
                + "EventEmitter)");
        assertThat(anomaly.fix()).startsWith("register worker.on('message') (Courier: worker.onMessage) right after "
                + "creating the worker");
    }

    @Test
    void crashWithQueuedMessagesReportsBothTheWorkerErrorAndTheLossEachWithItsOwnAdvice() {
        // GIVEN a worker whose listener threw, two messages still queued
        history.online("parser#4", "parser");
        history.workerError("parser#4", "message listener", new IllegalStateException("bad header"));
        sendAndDrop(1, "parser#4", DropCause.WORKER_EXITED);
        sendAndDrop(2, "parser#4", DropCause.WORKER_EXITED);
        history.exit("parser#4", 1);

        // WHEN
        Diagnosis diagnosis = Checks.diagnose(history.snapshot());

        // THEN the loss names the exception, the worker error is reported too, and each gives its own advice
        assertThat(diagnosis.anomalies()).extracting(Anomaly::kind).containsExactly(AnomalyKind.CRASHED_WITH_QUEUED,
                AnomalyKind.WORKER_ERROR);
        assertThat(diagnosis.anomalies().get(0).explanation()).isEqualTo("worker `parser#4` crashed with "
                + "java.lang.IllegalStateException: bad header thrown in its message listener with 2 messages queued; "
                + "they were dropped (WORKER_EXITED)");
        assertThat(diagnosis.anomalies().get(0).fix()).isEqualTo("keep every message until it is acknowledged and "
                + "re-send the unacknowledged ones to the restarted worker (the WORKER_ERROR anomaly says how to stop "
                + "the crash)");
        assertThat(diagnosis.anomalies().get(1).fix()).startsWith("handle the exception where it is thrown");
    }

    @Test
    void staleReferenceNamesTheNewerWorkerOfTheSameName() {
        // GIVEN pool#3 exited, pool#5 started, then two messages still posted to pool#3
        history.online("pool#3", "pool");
        history.exit("pool#3", 1);
        history.online("pool#5", "pool");
        sendAndDrop(1, "pool#3", DropCause.PORT_CLOSED);
        sendAndDrop(2, "pool#3", DropCause.PORT_CLOSED);

        // WHEN
        Anomaly anomaly = Checks.delivery(history.snapshot()).anomalies().get(0);

        // THEN
        assertThat(anomaly.kind()).isEqualTo(AnomalyKind.STALE_REFERENCE);
        assertThat(anomaly.explanation()).isEqualTo("2 messages were sent to worker `pool#3` after it had exited "
                + "while a newer worker of the same name (`pool#5`) was running; they were dropped (PORT_CLOSED)");
        assertThat(anomaly.fix()).isEqualTo("look the worker up at send time (or update every reference when a worker "
                + "is restarted) instead of keeping a reference to the exited one");
    }

    @Test
    void staleReferenceWithoutNewerWorkerSaysItHadExited() {
        // GIVEN pool#3 exited and nothing replaced it
        history.online("pool#3", "pool");
        history.exit("pool#3", 0);
        sendAndDrop(1, "pool#3", DropCause.PORT_CLOSED);

        // WHEN
        Anomaly anomaly = Checks.delivery(history.snapshot()).anomalies().get(0);

        // THEN
        assertThat(anomaly.explanation()).isEqualTo("1 message was sent to worker `pool#3` after it had exited; "
                + "they were dropped (PORT_CLOSED)");
    }

    @Test
    void overflowNamesCapacityHighWaterMarkAndRates() {
        // GIVEN a queue of capacity 2 fed every 1 ms and drained every 4 ms
        for (long id = 1; id <= 5; id++) {
            history.at(1).sent(id, id, "main", "sink#2");
            if (id <= 2) {
                history.enqueued(id, id, "main", "sink#2", (int) id);
            } else {
                history.message(EventKind.DROPPED, id, id, "main", "sink#2").cause(DropCause.OVERFLOW)
                        .detail("capacity 2, DROP_NEWEST").number(2).append();
            }
        }
        history.at(4).delivered(1, 1, "main", "sink#2");
        history.handled(1, 1, "main", "sink#2");
        history.at(4).delivered(2, 2, "main", "sink#2");
        history.handled(2, 2, "main", "sink#2");

        // WHEN
        Anomaly anomaly = Checks.delivery(history.snapshot()).anomalies().get(0);

        // THEN
        assertThat(anomaly.kind()).isEqualTo(AnomalyKind.OVERFLOW);
        assertThat(anomaly.explanation()).isEqualTo("the bounded queue of `sink#2` (capacity 2, DROP_NEWEST) "
                + "overflowed: 3 messages were dropped (OVERFLOW), high-water mark 2; messages were sent at "
                + "1000 messages/s and handled at 250 messages/s");
        assertThat(anomaly.fix()).isEqualTo("add backpressure (an acknowledgement protocol with a bounded in-flight "
                + "window) or give the queue a larger capacity");
    }

    @Test
    void dropWithoutCauseIsLostWithUnknownCause() {
        // GIVEN a drop recorded without a cause
        history.sent(1, 1, "main", "w#1");
        history.message(EventKind.DROPPED, 1, 1, "main", "w#1").append();

        // WHEN
        DeliveryReport report = Checks.delivery(history.snapshot());

        // THEN
        assertThat(report.lost()).extracting(LostMessage::cause).containsOnlyNulls();
        assertThat(report.anomalies().get(0).kind()).isEqualTo(AnomalyKind.LOST_UNKNOWN_CAUSE);
        assertThat(report.anomalies().get(0).explanation()).isEqualTo("1 message to `w#1` was dropped with no "
                + "recorded cause");
    }

    @Test
    void duplicatesUnexpectedAndPendingAreGroupedPerReceiver() {
        // GIVEN message 1 delivered twice, 9 delivered unsent, 2 and 3 in flight
        history.roundTrip(1, 1, "main", "w#1");
        history.delivered(1, 1, "main", "w#1");
        history.delivered(9, 1, "ghost", "w#1");
        history.sent(2, 2, "main", "w#1");
        history.enqueued(2, 2, "main", "w#1", 1);
        history.sent(3, 3, "main", "w#1");

        // WHEN
        DeliveryReport report = Checks.delivery(history.snapshot());

        // THEN
        assertThat(report.anomalies()).extracting(Anomaly::kind).containsExactly(AnomalyKind.DUPLICATE_DELIVERY,
                AnomalyKind.UNEXPECTED_DELIVERY, AnomalyKind.PENDING);
        assertThat(report.anomalies()).extracting(Anomaly::explanation).containsExactly(
                "1 message was delivered more than once to `w#1`: message 1 (from `main`, seq 1) 2 times",
                "1 message was delivered to `w#1` but never recorded as sent: 9",
                "2 messages to `w#1` were still queued (1 of 2) while `w#1` was consuming: its consumer had not "
                + "taken them yet (it is slow, blocked or stopped); 1 was sent but never enqueued");
        assertThat(report.anomalies().get(0).fix()).isEqualTo("make the receiver idempotent (deduplicate by message "
                + "id) and find the re-send that delivered the message again");
    }
}
