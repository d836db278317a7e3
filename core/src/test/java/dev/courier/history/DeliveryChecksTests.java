package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class DeliveryChecksTests {

    private final History history = new History();

    @Test
    void everyMessageDeliveredOnceIsClean() {
        // GIVEN three messages sent and delivered once each
        for (long id = 1; id <= 3; id++) {
            history.at(1).roundTrip(id, id, "main", "echo#1");
        }

        // WHEN
        DeliveryReport report = Checks.delivery(history.log);

        // THEN
        assertThat(report.isClean()).isTrue();
        assertThat(report.ok()).isEqualTo(3);
        assertThat(report.sentCount()).isEqualTo(3);
        assertThat(report.deliveredCount()).isEqualTo(3);
        assertThat(report.anomalies()).isEmpty();
    }

    @Test
    void droppedMessageIsLostWithItsCauseAndDropEvent() {
        // GIVEN message 2 dropped on terminate
        history.roundTrip(1, 1, "main", "pool#3");
        history.sent(2, 2, "main", "pool#3");
        long drop = history.dropped(2, 2, "main", "pool#3", DropCause.TERMINATED);

        // WHEN
        DeliveryReport report = Checks.delivery(history.snapshot());

        // THEN
        assertThat(report.isClean()).isFalse();
        assertThat(report.lost()).containsExactly(new LostMessage(2, "main", "pool#3", 2, DropCause.TERMINATED, drop));
        assertThat(report.ok()).isEqualTo(1);
    }

    @Test
    void messageNeitherDeliveredNorDroppedIsPendingNotLost() {
        // GIVEN message 2 queued and message 3 only sent
        history.roundTrip(1, 1, "main", "w#1");
        history.sent(2, 2, "main", "w#1");
        history.enqueued(2, 2, "main", "w#1", 1);
        long sent3 = history.sent(3, 3, "main", "w#1");

        // WHEN
        DeliveryReport report = Checks.delivery(history.snapshot());

        // THEN
        assertThat(report.lost()).isEmpty();
        assertThat(report.pending()).extracting(PendingMessage::id, PendingMessage::queued)
                .containsExactly(tuple(2L, true), tuple(3L, false));
        assertThat(report.pending().get(1).sentIndex()).isEqualTo(sent3);
        assertThat(report.isClean()).isFalse();
    }

    @Test
    void messageDeliveredTwiceIsDuplicated() {
        // GIVEN message 1 delivered twice
        history.roundTrip(1, 1, "main", "w#1");
        history.delivered(1, 1, "main", "w#1");

        // WHEN
        DeliveryReport report = Checks.delivery(history.snapshot());

        // THEN
        assertThat(report.duplicated()).singleElement().satisfies(duplicate -> {
            assertThat(duplicate.id()).isEqualTo(1);
            assertThat(duplicate.deliveries()).isEqualTo(2);
            assertThat(duplicate.receiver()).isEqualTo("w#1");
        });
        assertThat(report.ok()).isZero();
        assertThat(report.deliveredCount()).isEqualTo(2);
        assertThat(report.isClean()).isFalse();
    }

    @Test
    void deliveryWithoutSendIsUnexpected() {
        // GIVEN a delivery of a message never sent
        history.delivered(41, 1, "ghost", "w#1");

        // WHEN
        DeliveryReport report = Checks.delivery(history.snapshot());

        // THEN
        assertThat(report.unexpected()).extracting(UnexpectedMessage::id).containsExactly(41L);
        assertThat(report.sentCount()).isZero();
        assertThat(report.isClean()).isFalse();
    }

    @Test
    void countsArePerChannelAndPerReceiver() {
        // GIVEN two senders to one receiver, one message of b lost
        history.roundTrip(1, 1, "a", "sink#1");
        history.roundTrip(2, 2, "a", "sink#1");
        history.roundTrip(3, 1, "b", "sink#1");
        history.sent(4, 2, "b", "sink#1");
        history.dropped(4, 2, "b", "sink#1", DropCause.OVERFLOW);

        // WHEN
        DeliveryReport report = Checks.delivery(history.snapshot());

        // THEN
        assertThat(report.channel("a", "sink#1")).isEqualTo(new DeliveryCounts("a", "sink#1", 2, 2, 2, 0, 0, 0, 0));
        assertThat(report.channel("b", "sink#1")).isEqualTo(new DeliveryCounts("b", "sink#1", 2, 1, 1, 1, 0, 0, 0));
        assertThat(report.receiver("sink#1")).isEqualTo(new DeliveryCounts(null, "sink#1", 4, 3, 3, 1, 0, 0, 0));
        assertThat(report.channel("a", "elsewhere")).isNull();
    }

    @Test
    void scatteredMessageIdsAreCountedLikeDenseOnes() {
        // GIVEN ids far apart (hashed slots rather than a dense range)
        long[] ids = {7, 1L << 40, -5, Long.MAX_VALUE};
        for (int i = 0; i < ids.length; i++) {
            history.roundTrip(ids[i], i + 1, "main", "w#1");
        }
        history.delivered(1L << 40, 2, "main", "w#1");

        // WHEN
        DeliveryReport report = Checks.delivery(history.snapshot());

        // THEN
        assertThat(report.ok()).isEqualTo(3);
        assertThat(report.duplicated()).extracting(DuplicatedMessage::id).containsExactly(1L << 40);
    }
}
