package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PendingDiagnosisTests {

    private final History history = new History();

    private Anomaly onlyAnomaly() {
        List<Anomaly> anomalies = Checks.diagnose(history.snapshot()).failures();
        assertThat(anomalies).hasSize(1);
        return anomalies.get(0);
    }

    @Test
    void messagesLeftBehindAConsumerThatStoppedAtTheEndOfStreamAreExplainedAsSuch() {
        // GIVEN one consumer that took message 1, then the pill, with two messages still queued behind it
        history.consumerStarted("queue:jobs", "worker-1", 1);
        for (long id = 1; id <= 3; id++) {
            history.sent(id, id, "main", "queue:jobs");
            history.enqueued(id, id, "main", "queue:jobs", (int) id);
        }
        history.delivered(1, 1, "main", "queue:jobs");
        history.consumerStopped("queue:jobs", "worker-1", 2);

        // WHEN / THEN
        Anomaly pending = onlyAnomaly();
        assertThat(pending.kind()).isEqualTo(AnomalyKind.PENDING);
        assertThat(pending.explanation()).isEqualTo("2 messages to `queue:jobs` were left behind: consumer `worker-1` "
                + "stopped at the end-of-stream message with 2 messages still queued");
        assertThat(pending.fix()).startsWith("put the end-of-stream message only after every producer has finished");
    }

    @Test
    void aPendingMessageWhoseStageThrewIsExplainedByTheException() {
        // GIVEN a message whose carrying stage (e.g. a tracked future) threw
        history.sent(1, 1, "main", "stage:enrich");
        history.message(EventKind.HANDLED, 1, 1, "main", "stage:enrich").outcome(Outcome.THREW)
                .error(new IllegalStateException("enrichment failed")).append();

        // WHEN / THEN
        Anomaly pending = onlyAnomaly();
        assertThat(pending.explanation()).isEqualTo("1 message to `stage:enrich` was never delivered: the stage that "
                + "carries message 1 failed with java.lang.IllegalStateException: enrichment failed");
        assertThat(pending.fix()).startsWith("handle the exception in that stage (a CompletableFuture chain swallows "
                + "it");
    }

    @Test
    void aQueuedMessageAtARunningConsumerSaysTheConsumerIsBusyNeverWaitForDelivery() {
        // GIVEN a worker that is online and took message 1, with message 2 queued
        history.online("w#1", "w");
        history.roundTrip(1, 1, "main", "w#1");
        history.sent(2, 2, "main", "w#1");
        history.enqueued(2, 2, "main", "w#1", 1);

        // WHEN / THEN
        Anomaly pending = onlyAnomaly();
        assertThat(pending.explanation()).isEqualTo("1 message to `w#1` was still queued (1 of 1) while `w#1` was "
                + "consuming: its consumer had not taken it yet (it is slow, blocked or stopped)");
        assertThat(pending.fix()).doesNotContain("wait for delivery");
    }

    @Test
    void anObjectReusedAndChangedAfterSendIsFixedBySendingACopy() {
        // GIVEN a tap that saw the same object sent again, and delivered twice
        history.sent(1, 1, "producer", "queue:orders");
        history.enqueued(1, 1, "producer", "queue:orders", 1);
        history.message(EventKind.ENQUEUED, 1, 1, "producer", "queue:orders").number(2)
                .detail("sent again with the key of message 1").append();
        history.delivered(1, 1, "producer", "queue:orders");
        history.delivered(1, 1, "producer", "queue:orders");

        // WHEN / THEN
        Anomaly duplicate = onlyAnomaly();
        assertThat(duplicate.kind()).isEqualTo(AnomalyKind.DUPLICATE_DELIVERY);
        assertThat(duplicate.explanation()).endsWith("; the sender sent the same object again (reused and changed "
                + "after it was sent)");
        assertThat(duplicate.fix()).isEqualTo("send a fresh copy for every message instead of reusing and mutating "
                + "one object after sending it");
    }
}
