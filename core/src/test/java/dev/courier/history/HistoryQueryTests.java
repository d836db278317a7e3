package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryQueryTests {

    private final History history = new History();

    // GIVEN (for every test) three messages main -> a#1: 1 handled, 2 dropped OVERFLOW, 3 handled with THREW;
    // one message main -> b#2 dropped TERMINATED; a#1 online and exited with 0
    private HistorySnapshot recorded() {
        history.online("a#1", "a");
        history.roundTrip(1, 1, "main", "a#1");
        history.sent(2, 2, "main", "a#1");
        history.dropped(2, 2, "main", "a#1", DropCause.OVERFLOW);
        history.sent(3, 3, "main", "a#1");
        history.delivered(3, 3, "main", "a#1");
        history.message(EventKind.HANDLED, 3, 3, "main", "a#1").outcome(Outcome.THREW).append();
        history.sent(4, 1, "main", "b#2");
        history.dropped(4, 1, "main", "b#2", DropCause.TERMINATED);
        history.exit("a#1", 0);
        return history.snapshot();
    }

    @Test
    void selectsEventsOfAKindAtAnEndpointInAppendOrder() {
        // GIVEN
        HistorySnapshot snapshot = recorded();

        // WHEN
        List<DeliveryEvent> sentToA = snapshot.select().kind(EventKind.SENT).at("a#1").list();

        // THEN
        assertThat(sentToA).extracting(DeliveryEvent::messageId).containsExactly(1L, 2L, 3L);
        assertThat(snapshot.select().kind(EventKind.SENT).count()).isEqualTo(4);
        assertThat(snapshot.select().at("b#2").count()).isEqualTo(2);
        assertThat(snapshot.select().kind(EventKind.WORKER_ONLINE, EventKind.WORKER_EXIT).at("a#1").list())
                .extracting(DeliveryEvent::kind).containsExactly(EventKind.WORKER_ONLINE, EventKind.WORKER_EXIT);
    }

    @Test
    void selectsDropsByCauseAndHandlingByOutcome() {
        // GIVEN
        HistorySnapshot snapshot = recorded();

        // WHEN / THEN
        assertThat(snapshot.select().kind(EventKind.DROPPED).cause(DropCause.OVERFLOW).list())
                .singleElement().satisfies(drop -> {
                    assertThat(drop.messageId()).isEqualTo(2);
                    assertThat(drop.receiver()).isEqualTo("a#1");
                });
        assertThat(snapshot.select().cause(DropCause.TERMINATED).at("a#1").count()).isZero();
        assertThat(snapshot.select().kind(EventKind.HANDLED).outcome(Outcome.THREW).first())
                .hasValueSatisfying(handled -> assertThat(handled.messageId()).isEqualTo(3));
        assertThat(snapshot.select().kind(EventKind.HANDLED).outcome(Outcome.OK).count()).isEqualTo(1);
    }

    @Test
    void tellsAMessagesStory() {
        // GIVEN
        HistorySnapshot snapshot = recorded();

        // WHEN
        List<DeliveryEvent> story = snapshot.storyOf(3);

        // THEN
        assertThat(story).extracting(DeliveryEvent::kind)
                .containsExactly(EventKind.SENT, EventKind.DELIVERED, EventKind.HANDLED);
        assertThat(snapshot.storyOf(99)).isEmpty();
        assertThatThrownBy(() -> snapshot.storyOf(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message ids start at 1, got 0");
    }

    @Test
    void conditionsCombineAndANarrowingKindKeepsOnlyKindsInBoth() {
        // GIVEN
        HistorySnapshot snapshot = recorded();

        // WHEN a selection is narrowed twice by kind, and by sender
        HistorySnapshot.Query sentOrDropped = snapshot.select().kind(EventKind.SENT, EventKind.DROPPED);
        HistorySnapshot.Query dropped = sentOrDropped.kind(EventKind.DROPPED, EventKind.HANDLED);

        // THEN each selection is its own value, and only kinds named in both remain
        assertThat(sentOrDropped.count()).isEqualTo(6);
        assertThat(dropped.list()).extracting(DeliveryEvent::kind).containsOnly(EventKind.DROPPED).hasSize(2);
        assertThat(snapshot.select().from("main").kind(EventKind.DROPPED).last())
                .hasValueSatisfying(last -> assertThat(last.receiver()).isEqualTo("b#2"));
        assertThat(snapshot.select().from("a#1").count()).isZero();
    }

    @Test
    void anEndpointNoEventNamesSelectsNothing() {
        // GIVEN
        HistorySnapshot snapshot = recorded();

        // WHEN / THEN
        assertThat(snapshot.select().at("nobody").list()).isEmpty();
        assertThat(snapshot.select().from("nobody").first()).isEmpty();
        assertThat(snapshot.select().at("nobody").last()).isEmpty();
        assertThatThrownBy(() -> snapshot.select().at(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("endpoint label");
    }

    @Test
    void theLogsSelectionReadsTheHistoryAsItIsAtTheCall() {
        // GIVEN a selection taken from the log
        recorded();
        HistorySnapshot.Query before = history.log.select().kind(EventKind.SENT);

        // WHEN another message is sent
        history.sent(5, 4, "main", "a#1");

        // THEN the earlier selection does not see it, a new one does
        assertThat(before.count()).isEqualTo(4);
        assertThat(history.log.select().kind(EventKind.SENT).count()).isEqualTo(5);
    }
}
