package dev.courier.assertions;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.EventKind;
import org.junit.jupiter.api.Test;

class OrderAssertionsTests {

    /** A payload whose key is its account. */
    record Transfer(String account, int amount) {
    }

    private final Recorder recorder = new Recorder();

    private void sentWithPayload(long id, long seq, String from, Object payload) {
        recorder.message(EventKind.SENT, id, seq, from, "ledger#2").payload(payload).append();
    }

    @Test
    void deliveriesInSendOrderPassEveryOrderCheck() {
        // GIVEN one sender delivered in order
        for (long id = 1; id <= 3; id++) {
            recorder.at(1).roundTrip(id, id, "main", "w#1");
        }

        // WHEN / THEN
        assertThatCode(() -> assertThat(recorder.log).isInSendOrderPerSender().isInGlobalSendOrder().check())
                .doesNotThrowAnyException();
    }

    @Test
    void equalKeysInSendOrderPassPerKeyOrderAcrossSenders() {
        // GIVEN account A's transfers delivered in send order, B's overtaking them (different key)
        sentWithPayload(1, 1, "a", new Transfer("A", 10));
        sentWithPayload(2, 1, "b", new Transfer("B", 20));
        sentWithPayload(3, 2, "a", new Transfer("A", 5));
        recorder.delivered(2, 1, "b", "ledger#2");
        recorder.delivered(1, 1, "a", "ledger#2");
        recorder.delivered(3, 2, "a", "ledger#2");

        // WHEN / THEN
        assertThatCode(() -> assertThat(recorder.log).isInSendOrderPerKey(p -> ((Transfer) p).account()).check())
                .doesNotThrowAnyException();
    }

    @Test
    void perKeyOrderWithoutRetainedPayloadsNamesTheMessage() {
        // GIVEN a delivered message recorded without its payload
        recorder.roundTrip(1, 1, "main", "w#1");

        // WHEN / THEN the checker's error reaches the test unchanged
        assertThatThrownBy(() -> assertThat(recorder.log).isInSendOrderPerKey(payload -> payload).check())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("message 1 (`main` -> `w#1`, seq 1) has no payload");
    }

    @Test
    void perSenderFifoViolationIsListedAndDiagnosed() {
        // GIVEN seq 2 delivered before seq 1 of the same sender
        recorder.sent(1, 1, "main", "w#1");
        recorder.at(1).sent(2, 2, "main", "w#1");
        recorder.at(1).delivered(2, 2, "main", "w#1");
        recorder.at(1).delivered(1, 1, "main", "w#1");

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).isInSendOrderPerSender().check())
                .hasMessage("Expecting each sender's messages to be delivered in send order but 1 delivery broke "
                        + "per-sender FIFO:\n"
                        + "  - at `w#1`: message 1 from `main` (seq 1) was delivered after message 2 from `main` "
                        + "(seq 2)\n"
                        + "Diagnosis:\n"
                        + "  PER_SENDER_ORDER_VIOLATED at `w#1`: 1 delivery to `w#1` broke per-sender FIFO (first: "
                        + "message 1 from `main` (seq 1) was delivered after message 2 from `main` (seq 2)). Fix: keep one FIFO queue per sender and receiver pair and look for re-sends, "
                        + "retries or several threads draining one channel (consumers that compete on purpose: take "
                        + "through a tap, which records each consumer).");
    }

    @Test
    void crossSenderInterleavingFailsOnlyGlobalOrderAndSaysWhy() {
        // GIVEN a sends 1 then b sends 2, but 2 is delivered first
        recorder.sent(1, 1, "a", "sink#1");
        recorder.sent(2, 1, "b", "sink#1");
        recorder.delivered(2, 1, "b", "sink#1");
        recorder.delivered(1, 1, "a", "sink#1");

        // WHEN / THEN per-sender FIFO holds, global order does not
        assertThat(recorder.log).isInSendOrderPerSender().check();
        assertThatThrownBy(() -> assertThat(recorder.log).isInGlobalSendOrder().check())
                .hasMessage("Expecting every receiver to get its messages in global send order but 1 delivery came "
                        + "after a message sent later (0 from the same sender, 1 across senders):\n"
                        + "  - at `sink#1`: message 1 from `a` (seq 1) was delivered after message 2 from `b` (seq 1)\n"
                        + "Diagnosis:\n"
                        + "  CROSS_SENDER_INTERLEAVING at `sink#1`: 1 delivery to `sink#1` came after a message another "
                        + "sender sent later (first: message 1 from `a` (seq 1) was delivered after message 2 from `b` "
                        + "(seq 1)); no global order is promised across senders; per-sender FIFO held. Fix: do not "
                        + "assume global order across senders: order by a sequence number or funnel through one "
                        + "sender.");
    }

    @Test
    void equalKeysOutOfSendOrderFailPerKeyOrder() {
        // GIVEN two senders' transfers on account A, the later one delivered first
        sentWithPayload(1, 1, "a", new Transfer("A", 10));
        sentWithPayload(2, 1, "b", new Transfer("A", 20));
        sentWithPayload(3, 2, "b", new Transfer("B", 5));
        recorder.delivered(2, 1, "b", "ledger#2");
        recorder.delivered(3, 2, "b", "ledger#2");
        recorder.delivered(1, 1, "a", "ledger#2");

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).isInSendOrderPerKey(p -> ((Transfer) p).account()).check())
                .hasMessage("Expecting messages with equal keys to be delivered in send order but 1 delivery came "
                        + "after a later message with the same key:\n"
                        + "  - at `ledger#2`: message 1 from `a` (seq 1) was delivered after message 2 from `b` "
                        + "(seq 1) (key A)\n"
                        + "Diagnosis:\n"
                        + "  KEY_ORDER_VIOLATED at `ledger#2`: 1 delivery to `ledger#2` came after a later-sent message "
                        + "with the same key (first: message 1 from `a` (seq 1) was delivered after message 2 from `b` "
                        + "(seq 1) (key A)). Fix: route every message of one key through one sender and one FIFO "
                        + "channel, or reorder by a per-key sequence number at the receiver.");
    }
}
