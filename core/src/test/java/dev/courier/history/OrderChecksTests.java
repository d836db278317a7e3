package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
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
}
