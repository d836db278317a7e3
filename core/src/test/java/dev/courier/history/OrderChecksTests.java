package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class OrderChecksTests {

    private final History history = new History();

    @Test
    void deliveriesInSendOrderPassEveryOrderCheck() {
        // GIVEN one sender, delivered in order
        for (long id = 1; id <= 3; id++) {
            history.at(1).roundTrip(id, id, "main", "w#1");
        }

        // WHEN
        OrderReport report = Checks.order(history.snapshot());

        // THEN
        assertThat(report.isInSendOrderPerSender()).isTrue();
        assertThat(report.isInGlobalSendOrder()).isTrue();
        assertThat(report.anomalies()).isEmpty();
    }

    @Test
    void lowerSequenceDeliveredAfterHigherViolatesPerSenderFifo() {
        // GIVEN seq 2 delivered before seq 1 of the same sender
        history.sent(1, 1, "main", "w#1");
        history.at(1).sent(2, 2, "main", "w#1");
        history.at(1).delivered(2, 2, "main", "w#1");
        history.at(1).delivered(1, 1, "main", "w#1");

        // WHEN
        OrderReport report = Checks.order(history.snapshot());

        // THEN
        assertThat(report.isInSendOrderPerSender()).isFalse();
        assertThat(report.perSenderTotal()).isEqualTo(1);
        OrderInversion inversion = report.perSenderViolations().get(0);
        assertThat(inversion.deliveredFirst().id()).isEqualTo(2);
        assertThat(inversion.deliveredLater().id()).isEqualTo(1);
        assertThat(inversion.deliveredLater().sentNanos()).isEqualTo(1_000_000_000L);
        assertThat(inversion.deliveredLater().deliveredNanos()).isEqualTo(1_003_000_000L);
        assertThat(report.anomalies()).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.kind()).isEqualTo(AnomalyKind.PER_SENDER_ORDER_VIOLATED);
            assertThat(anomaly.explanation()).isEqualTo("1 delivery to `w#1` broke per-sender FIFO (first: message 1 "
                    + "from `main` (seq 1) was delivered after message 2 from `main` (seq 2))");
        });
    }

    @Test
    void interleavingAcrossSendersIsInformationalWhenPerSenderFifoHeld() {
        // GIVEN a sends 1 then b sends 2, but 2 is delivered first
        history.sent(1, 1, "a", "sink#1");
        history.sent(2, 1, "b", "sink#1");
        history.delivered(2, 1, "b", "sink#1");
        history.delivered(1, 1, "a", "sink#1");

        // WHEN
        OrderReport report = Checks.order(history.snapshot());

        // THEN
        assertThat(report.isInSendOrderPerSender()).isTrue();
        assertThat(report.isInGlobalSendOrder()).isFalse();
        assertThat(report.globalTotal()).isEqualTo(1);
        assertThat(report.globalInversions().get(0).describe())
                .isEqualTo("message 1 from `a` (seq 1) was delivered after message 2 from `b` (seq 1)");
        Anomaly anomaly = report.anomalies().get(0);
        assertThat(anomaly.kind()).isEqualTo(AnomalyKind.CROSS_SENDER_INTERLEAVING);
        assertThat(anomaly.isFailure()).isFalse();
        assertThat(anomaly.explanation()).isEqualTo("1 delivery to `sink#1` came after a message another sender sent "
                + "later (first: message 1 from `a` (seq 1) was delivered after message 2 from `b` (seq 1)); no "
                + "global order is promised across senders; per-sender FIFO held");
        assertThat(anomaly.fix()).isEqualTo("do not assume global order across senders: order by a sequence number "
                + "or funnel through one sender");
    }

    @Test
    void sameSenderReorderIsNotCountedAsCrossSender() {
        // GIVEN only one sender, reordered
        history.sent(1, 1, "a", "sink#1");
        history.sent(2, 2, "a", "sink#1");
        history.delivered(2, 2, "a", "sink#1");
        history.delivered(1, 1, "a", "sink#1");

        // WHEN
        OrderReport report = Checks.order(history.snapshot());

        // THEN
        assertThat(report.globalTotal()).isZero();
        assertThat(report.perSenderTotal()).isEqualTo(1);
    }

    @Test
    void inversionsKeepTheFirstTwentyAndCountAll() {
        // GIVEN 30 per-sender violations: each pair delivered in reverse
        for (long pair = 0; pair < 30; pair++) {
            long first = pair * 2 + 1;
            history.sent(first, first, "main", "w#1");
            history.sent(first + 1, first + 1, "main", "w#1");
        }
        for (long pair = 0; pair < 30; pair++) {
            long first = pair * 2 + 1;
            history.delivered(first + 1, first + 1, "main", "w#1");
            history.delivered(first, first, "main", "w#1");
        }

        // WHEN
        OrderReport report = Checks.order(history.snapshot());

        // THEN
        assertThat(report.perSenderViolations()).hasSize(OrderReport.KEPT);
        assertThat(report.perSenderTotal()).isEqualTo(30);
        assertThat(report.anomalies().get(0).explanation()).startsWith("30 deliveries to `w#1` broke per-sender FIFO");
    }

    @Test
    void perKeyOrderComparesMessagesWithEqualKeys() {
        // GIVEN two senders; key "x" messages delivered out of send order, key "y" in order
        history.message(EventKind.SENT, 1, 1, "a", "w#1").payload(Map.of("key", "x")).append();
        history.message(EventKind.SENT, 2, 1, "b", "w#1").payload(Map.of("key", "x")).append();
        history.message(EventKind.SENT, 3, 2, "a", "w#1").payload(Map.of("key", "y")).append();
        history.delivered(2, 1, "b", "w#1");
        history.delivered(1, 1, "a", "w#1");
        history.delivered(3, 2, "a", "w#1");

        // WHEN
        OrderReport report = Checks.order(history.snapshot(), payload -> ((Map<?, ?>) payload).get("key"));

        // THEN
        assertThat(report.isInSendOrderPerKey()).isFalse();
        assertThat(report.keyViolations()).singleElement()
                .satisfies(v -> assertThat(v.key()).isEqualTo("x"));
        assertThat(report.anomalies()).extracting(Anomaly::kind).contains(AnomalyKind.KEY_ORDER_VIOLATED);
    }

    @Test
    void perKeyOrderWithoutRetainedPayloadsFailsClearly() {
        // GIVEN deliveries without payloads
        history.roundTrip(1, 1, "main", "w#1");

        // WHEN / THEN
        assertThatThrownBy(() -> Checks.order(history.snapshot(), payload -> payload))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("per-key order needs retained payloads, but message 1 (`main` -> `w#1`, seq 1) has no "
                        + "payload on its SENT (event 0) or DELIVERED (event 2) event: turn payload retention on");
    }

    @Test
    void portsTransferredIntoOneWorkerAreComparedTogetherAcrossSenders() {
        // GIVEN two channels whose port2 went to `orders#7`; orders 1..3 sent before payments 4..5
        history.transferred("channel-1.port2", "orders#7");
        history.transferred("channel-2.port2", "orders#7");
        sendAll(1, 3, "channel-1");
        sendAll(4, 5, "channel-2");
        // and the worker took turns between the ports: order 1, payment 4, order 2, payment 5, order 3
        history.delivered(1, 1, "channel-1.port1", "channel-1.port2");
        history.delivered(4, 1, "channel-2.port1", "channel-2.port2");
        history.delivered(2, 2, "channel-1.port1", "channel-1.port2");
        history.delivered(5, 2, "channel-2.port1", "channel-2.port2");
        history.delivered(3, 3, "channel-1.port1", "channel-1.port2");

        // WHEN
        OrderReport report = Checks.order(history.snapshot());

        // THEN orders 2 and 3 came after later-sent payments, at the worker
        assertThat(report.isInSendOrderPerSender()).isTrue();
        assertThat(report.isInGlobalSendOrder()).isFalse();
        assertThat(report.globalTotal()).isEqualTo(2);
        assertThat(report.globalInversions()).extracting(OrderInversion::receiver).containsOnly("orders#7");
        assertThat(report.globalInversions()).extracting(inversion -> inversion.deliveredLater().id())
                .containsExactly(2L, 3L);
        assertThat(report.anomalies()).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.kind()).isEqualTo(AnomalyKind.CROSS_SENDER_INTERLEAVING);
            assertThat(anomaly.endpoint()).isEqualTo("orders#7");
            assertThat(anomaly.explanation()).isEqualTo("2 deliveries to `orders#7` came after a message another "
                    + "sender sent later (first: message 2 from `channel-1.port1` (seq 2) was delivered after "
                    + "message 4 from `channel-2.port1` (seq 1)); no global order is promised across senders; "
                    + "per-sender FIFO held");
        });
    }

    @Test
    void portsOfDifferentOwnersAreNotComparedAcrossSenders() {
        // GIVEN the same interleaving, but the two ports went to different workers
        history.transferred("channel-1.port2", "orders#7");
        history.transferred("channel-2.port2", "payments#8");
        sendAll(1, 2, "channel-1");
        sendAll(3, 3, "channel-2");
        history.delivered(3, 1, "channel-2.port1", "channel-2.port2");
        history.delivered(1, 1, "channel-1.port1", "channel-1.port2");
        history.delivered(2, 2, "channel-1.port1", "channel-1.port2");

        // WHEN
        OrderReport report = Checks.order(history.snapshot());

        // THEN nothing is compared across the two workers
        assertThat(report.isInGlobalSendOrder()).isTrue();
        assertThat(report.anomalies()).isEmpty();
    }

    @Test
    void deliveriesBeforeATransferCountForThePortItself() {
        // GIVEN a port that delivered message 2 on its own before it was transferred into `orders#7`
        sendAll(1, 1, "channel-1");
        sendAll(2, 2, "channel-2");
        history.delivered(2, 1, "channel-2.port1", "channel-2.port2");
        history.transferred("channel-2.port2", "orders#7");
        history.transferred("channel-1.port2", "orders#7");
        history.delivered(1, 1, "channel-1.port1", "channel-1.port2");

        // WHEN
        OrderReport report = Checks.order(history.snapshot());

        // THEN message 1 is not compared with message 2: the worker did not deliver both
        assertThat(report.globalTotal()).isZero();
    }

    @Test
    void perSenderViolationAtATransferredPortIsNamedAtItsWorker() {
        // GIVEN a port in `orders#7` that broke per-sender FIFO, and a later-sent message of another sender
        history.transferred("channel-1.port2", "orders#7");
        sendAll(1, 2, "channel-1");
        history.sent(3, 1, "main", "orders#7");
        history.delivered(3, 1, "main", "orders#7");
        history.delivered(2, 2, "channel-1.port1", "channel-1.port2");
        history.delivered(1, 1, "channel-1.port1", "channel-1.port2");

        // WHEN
        OrderReport report = Checks.order(history.snapshot());

        // THEN the FIFO violation is per port, and the worker's interleaving does not claim FIFO held
        assertThat(report.perSenderViolations()).singleElement()
                .satisfies(violation -> assertThat(violation.receiver()).isEqualTo("channel-1.port2"));
        assertThat(report.anomalies()).filteredOn(anomaly -> anomaly.kind() == AnomalyKind.CROSS_SENDER_INTERLEAVING)
                .singleElement().satisfies(anomaly -> {
                    assertThat(anomaly.endpoint()).isEqualTo("orders#7");
                    assertThat(anomaly.explanation()).startsWith("2 deliveries to `orders#7` came after")
                            .endsWith("no global order is promised across senders");
                });
    }

    @Test
    void aPortTransferIsNotAMessageEventAndCountsNowhereElse() {
        // GIVEN one delivered message and a port transfer
        history.roundTrip(1, 1, "main", "w#1");
        history.transferred("channel-1.port2", "w#1");

        // WHEN
        HistorySnapshot snapshot = history.snapshot();

        // THEN the transfer is no message, and delivery counts are those of the one message
        assertThat(EventKind.PORT_TRANSFERRED.isMessageEvent()).isFalse();
        assertThat(EventKind.MUTATED_IN_FLIGHT.isMessageEvent()).isTrue();
        assertThat(snapshot.event(4).toString()).isEqualTo("#4 PORT_TRANSFERRED channel-1.port2 (w#1)");
        DeliveryReport delivery = Checks.delivery(snapshot);
        assertThat(delivery.sentCount()).isEqualTo(1);
        assertThat(delivery.ok()).isEqualTo(1);
        assertThat(delivery.isClean()).isTrue();
        assertThat(Checks.diagnose(snapshot).anomalies()).isEmpty();
    }

    /** Sends ids {@code first..last} from {@code <channel>.port1} to {@code <channel>.port2}, seq from 1. */
    private void sendAll(long first, long last, String channel) {
        for (long id = first; id <= last; id++) {
            history.sent(id, id - first + 1, channel + ".port1", channel + ".port2");
        }
    }

    @Test
    void aRealPerKeyReorderInATwoThreadStageIsCaughtWithAdviceForCompetingConsumers() {
        // GIVEN a two-thread stage: two messages of key A sent in order, the second finished first
        history.consumerStarted("executor:stage", "pool-1", 1);
        history.consumerStarted("executor:stage", "pool-2", 2);
        history.message(EventKind.SENT, 1, 1, "main", "executor:stage").payload("A:1").append();
        history.message(EventKind.SENT, 2, 2, "main", "executor:stage").payload("A:2").append();
        history.delivered(2, 2, "main", "executor:stage");
        history.delivered(1, 1, "main", "executor:stage");

        // WHEN order is checked by key
        OrderReport report = Checks.order(history.snapshot(), payload -> ((String) payload).split(":")[0]);

        // THEN the key reorder is caught with advice that fits competing consumers, and no FIFO violation is claimed
        assertThat(report.perSenderTotal()).isZero();
        assertThat(report.anomalies()).extracting(Anomaly::kind).containsExactly(AnomalyKind.KEY_ORDER_VIOLATED);
        Anomaly reorder = report.anomalies().get(0);
        assertThat(reorder.explanation()).endsWith("; 2 consumer threads take from `executor:stage` concurrently, so "
                + "two messages of one key can be handled in either order");
        assertThat(reorder.fix()).startsWith("route each key to one consumer thread (partition by key");
    }

    @RepeatedTest(100)
    void competingConsumersRecordingOutOfQueueOrderIsNoFifoViolation() {
        // GIVEN two consumers of one queue whose deliveries were recorded in the other order than taken
        history.consumerStarted("queue:jobs", "consumer-1", 1);
        history.consumerStarted("queue:jobs", "consumer-2", 2);
        history.sent(1, 1, "main", "queue:jobs");
        history.sent(2, 2, "main", "queue:jobs");
        history.delivered(2, 2, "main", "queue:jobs");
        history.delivered(1, 1, "main", "queue:jobs");

        // WHEN / THEN
        assertThat(Checks.order(history.snapshot()).anomalies()).isEmpty();
        assertThat(Checks.diagnose(history.snapshot()).anomalies()).isEmpty();
    }
}
