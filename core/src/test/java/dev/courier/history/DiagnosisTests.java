package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosisTests {

    private final History history = new History();

    @Test
    void cleanHistoryHasNoAnomalies() {
        // GIVEN a worker that handled everything and exited
        history.online("w#1", "w");
        history.roundTrip(1, 1, "main", "w#1");
        history.exit("w#1", 0);

        // WHEN
        Diagnosis diagnosis = Checks.diagnose(history.log);

        // THEN
        assertThat(diagnosis.isClean()).isTrue();
        assertThat(diagnosis).hasToString("no anomalies");
    }

    @Test
    void anomaliesOfAllCheckersAreMergedFailuresFirst() {
        // GIVEN cross-sender interleaving (informational) and a late listener (failure)
        history.sent(1, 1, "a", "sink#1");
        history.sent(2, 1, "b", "sink#1");
        history.delivered(2, 1, "b", "sink#1");
        history.delivered(1, 1, "a", "sink#1");
        history.online("t#3", "t");
        history.sent(3, 1, "main", "t#3");
        history.dropped(3, 1, "main", "t#3", DropCause.NO_LISTENER);
        history.at(5).listenerAdded("t#3", "message", 1);
        history.exit("t#3", 0);

        // WHEN
        Diagnosis diagnosis = Checks.diagnose(history.snapshot());

        // THEN
        assertThat(diagnosis.anomalies()).extracting(Anomaly::kind)
                .containsExactly(AnomalyKind.LATE_LISTENER, AnomalyKind.CROSS_SENDER_INTERLEAVING);
        assertThat(diagnosis.isClean()).isFalse();
        assertThat(diagnosis.informational()).hasSize(1);
        assertThat(diagnosis.toString()).startsWith("- LATE_LISTENER at `t#3`: 1 message to worker `t#3` was dropped "
                + "(NO_LISTENER) because it registered its message listener 5 ms after it started");
    }

    @Test
    void pendingMessagesExplainTheUndrainedQueue() {
        // GIVEN one message still queued at a live worker
        history.online("w#1", "w");
        history.sent(1, 1, "main", "w#1");
        history.enqueued(1, 1, "main", "w#1", 1);

        // WHEN
        Diagnosis diagnosis = Checks.diagnose(history.snapshot());

        // THEN the queue is not reported twice, and the running worker is no anomaly before teardown
        assertThat(diagnosis.anomalies()).extracting(Anomaly::kind).containsExactly(AnomalyKind.PENDING);
    }

    @Test
    void retainedPayloadsThatChangedInTransitAreAFidelityAnomaly() {
        // GIVEN a worker whose delivered payload lost an element
        history.online("w#1", "w");
        roundTrip(1, new ArrayList<>(List.of(1, 2)), new ArrayList<>(List.of(1)));
        history.exit("w#1", 0);

        // WHEN
        Diagnosis diagnosis = Checks.diagnose(history.snapshot());

        // THEN the difference is named with its path
        assertThat(diagnosis.anomalies()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AnomalyKind.FIDELITY);
            assertThat(a.explanation()).contains("$[1]: MISSING expected 2");
        });
    }

    @Test
    void aPayloadSharedBetweenTheEndsIsNotAnAnomaly() {
        // GIVEN a worker that got the sender's very object (a sharing codec), unchanged
        List<Integer> shared = new ArrayList<>(List.of(1, 2));
        history.online("w#1", "w");
        roundTrip(1, shared, shared);
        history.exit("w#1", 0);

        // WHEN
        Diagnosis diagnosis = Checks.diagnose(history.snapshot());

        // THEN sharing by design is not reported, though the fidelity check itself sees it
        assertThat(diagnosis.isClean()).isTrue();
        assertThat(Checks.fidelity(history.snapshot()).mismatches()).hasSize(1);
    }

    private void roundTrip(long id, Object sent, Object delivered) {
        history.message(EventKind.SENT, id, id, "main", "w#1").payload(sent).append();
        history.enqueued(id, id, "main", "w#1", 1);
        history.message(EventKind.DELIVERED, id, id, "main", "w#1").payload(delivered).append();
        history.handled(id, id, "main", "w#1");
    }

    @Test
    void aFallbackCodecsLostTypeLeadsTheDiagnosisBeforeTheCloneFailureThatTriggeredIt() {
        // GIVEN a clone failure, then the same order sent through a JSON-like fallback: the date became a string
        history.message(EventKind.CLONE_FAILED, 1, 0, "main", "billing#2")
                .detail("path $.callback: java.lang.Runnable: a lambda cannot be cloned").append();
        history.message(EventKind.SENT, 2, 1, "main", "billing#2").payload(new Date(0)).append();
        history.message(EventKind.DELIVERED, 2, 1, "main", "billing#2").payload("1970-01-01T00:00:00Z").append();

        // WHEN
        Diagnosis diagnosis = Checks.diagnose(history.snapshot(), PayloadComparator.fidelity());

        // THEN the changed type and its path come first, the clone failure after it
        assertThat(diagnosis.failures()).extracting(Anomaly::kind)
                .containsExactly(AnomalyKind.FIDELITY, AnomalyKind.CLONE_FAILURE);
        assertThat(diagnosis.failures().get(0).explanation()).contains("$: TYPE_CHANGED expected java.util.Date");
    }
}
