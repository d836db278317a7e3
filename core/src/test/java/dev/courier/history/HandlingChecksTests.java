package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class HandlingChecksTests {

    private final DeliveryLog log = DeliveryLog.create();

    private void sentAndDelivered(long id) {
        log.writer().record(EventKind.SENT).message(id, id).between("main", "w#1").append();
        log.writer().record(EventKind.DELIVERED).message(id, id).between("main", "w#1").append();
    }

    private void handled(long id, Outcome outcome, Throwable error) {
        log.writer().record(EventKind.HANDLED).message(id, id).between("main", "w#1").outcome(outcome).error(error).append();
    }

    @Test
    void eachDeliveredMessageIsHandledStillInItsListenerOrThrewWithTheFirstThrow() {
        // GIVEN messages handled, threw twice, threw then handled, left in a listener, never delivered,
        // and delivered with an error about the message itself
        IllegalStateException first = new IllegalStateException("first throw");
        sentAndDelivered(1);
        handled(1, Outcome.OK, null);
        sentAndDelivered(2);
        handled(2, Outcome.THREW, first);
        handled(2, Outcome.THREW, new IllegalStateException("second throw"));
        sentAndDelivered(3);
        handled(3, Outcome.THREW, new IllegalArgumentException("then retried"));
        handled(3, Outcome.OK, null);
        sentAndDelivered(4);
        log.writer().record(EventKind.SENT).message(5, 5).between("main", "w#1").append();
        sentAndDelivered(6);
        log.writer().record(EventKind.MESSAGE_ERROR).message(6, 6).between("main", "w#1").detail("could not decode").append();

        // WHEN the handling is checked
        HandlingReport report = Checks.handling(log.snapshot());

        // THEN one was handled, 4 is still in its listener (at its DELIVERED), 2 and 3 threw (at their first throw)
        assertThat(report.handled()).isEqualTo(1);
        assertThat(report.inListener()).extracting(HandlingReport.Handled::id, HandlingReport.Handled::sender,
                HandlingReport.Handled::receiver, HandlingReport.Handled::sequence, HandlingReport.Handled::error,
                HandlingReport.Handled::eventIndex).containsExactly(tuple(4L, "main", "w#1", 4L, null, 12L));
        assertThat(report.threw()).extracting(HandlingReport.Handled::id, HandlingReport.Handled::eventIndex)
                .containsExactly(tuple(2L, 5L), tuple(3L, 9L));
        assertThat(report.threw().get(0).error()).isSameAs(first);
        assertThat(report.threw().get(0).sequence()).isEqualTo(2L);
    }

    @RepeatedTest(20)
    void aHistoryWhereEveryMessageWasHandledReportsNothingInListenersOrThrown() {
        // GIVEN 50 messages, each sent, delivered and handled
        for (long id = 1; id <= 50; id++) {
            sentAndDelivered(id);
            handled(id, Outcome.OK, null);
        }

        // WHEN the handling is checked
        HandlingReport report = Checks.handling(log.snapshot());

        // THEN all 50 were handled and nothing else is reported
        assertThat(report.handled()).isEqualTo(50);
        assertThat(report.inListener()).isEmpty();
        assertThat(report.threw()).isEmpty();
    }
}
