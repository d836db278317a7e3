package dev.courier.tap;

import static dev.courier.tap.LogReading.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

class MutationInFlightTests {

    private final DeliveryLog log = DeliveryLog.create();

    /** A mutable message class without equals: only a structural comparison can judge it. */
    static final class Order {
        final List<String> items = new ArrayList<>(List.of("tea"));
        int quantity = 1;
    }

    private QueueTap<Object> snapshottingQueue() {
        return Taps.queue(new LinkedBlockingQueue<>(), log, TapOptions.defaults().name("batches").snapshotAtSend(true));
    }

    @Test
    void aProducerReusingOneMutableMessageIsReportedAsMutatedInFlight() throws Exception {
        // GIVEN a producer that refills and re-sends one list
        QueueTap<Object> queue = snapshottingQueue();
        List<String> batch = new ArrayList<>(List.of("a"));
        queue.put(batch);
        batch.clear();
        batch.add("b");
        queue.put(batch);

        // WHEN the consumer takes both
        queue.take();
        queue.take();

        // THEN the first delivery no longer holds what was sent
        assertThat(events(log, EventKind.MUTATED_IN_FLIGHT)).singleElement().satisfies(mutated -> {
            assertThat(mutated.messageId()).isEqualTo(1L);
            assertThat(mutated.receiver()).isEqualTo("queue:batches");
            assertThat(mutated.detail()).isEqualTo("$[0]: VALUE_CHANGED expected \"a\" but was \"b\"");
        });
    }

    @Test
    void anArrayChangedAfterPutIsReported() throws Exception {
        // GIVEN an array sent and then changed by its producer
        QueueTap<Object> queue = snapshottingQueue();
        String[] row = {"draft"};
        queue.put(row);
        row[0] = "final";

        // WHEN it is delivered THEN the change is recorded
        queue.take();
        assertThat(events(log, EventKind.MUTATED_IN_FLIGHT)).singleElement().satisfies(mutated -> assertThat(
                mutated.detail()).isEqualTo("$[0]: VALUE_CHANGED expected \"draft\" but was \"final\""));
    }

    @Test
    void aUserClassWithoutEqualsIsComparedFieldByField() throws Exception {
        // GIVEN two orders sent, the second changed by its producer after the put
        QueueTap<Object> queue = snapshottingQueue();
        Order untouched = new Order();
        Order changed = new Order();
        queue.put(untouched);
        queue.put(changed);
        changed.quantity = 3;
        changed.items.add("milk");

        // WHEN both are delivered
        queue.take();
        queue.take();

        // THEN only the changed order is reported, naming each changed field
        assertThat(events(log, EventKind.MUTATED_IN_FLIGHT)).singleElement().satisfies(mutated -> {
            assertThat(mutated.messageId()).isEqualTo(2L);
            assertThat(mutated.detail()).isEqualTo("$.items[1]: EXTRA expected absent but was \"milk\"; "
                    + "$.quantity: VALUE_CHANGED expected 1 but was 3");
        });
    }

    @Test
    void aProducerSendingFreshObjectsIsNotReported() throws Exception {
        // GIVEN a producer that builds a new list for every send
        QueueTap<Object> queue = snapshottingQueue();
        for (int i = 0; i < 3; i++) {
            queue.put(new ArrayList<>(List.of("item-" + i)));
        }

        // WHEN all are delivered
        for (int i = 0; i < 3; i++) {
            queue.take();
        }

        // THEN nothing changed in flight
        assertThat(log.snapshot().count(EventKind.DELIVERED)).isEqualTo(3);
        assertThat(log.snapshot().count(EventKind.MUTATED_IN_FLIGHT)).isZero();
    }

    @Test
    void aMessageThatCannotBeCopiedIsSentWithoutSnapshotAndTheReasonRecorded() throws Exception {
        // GIVEN a message holding a lambda, which no deep copy accepts
        QueueTap<Object> queue = snapshottingQueue();
        List<Object> message = new ArrayList<>(List.of((Runnable) () -> { }));

        // WHEN it is sent, changed and delivered
        queue.put(message);
        message.add("changed");
        Object delivered = queue.take();

        // THEN it was delivered, the SENT event says why there is no snapshot, and no comparison was made
        assertThat(delivered).isSameAs(message);
        assertThat(events(log, EventKind.SENT)).singleElement()
                .satisfies(sent -> assertThat(sent.detail()).startsWith("no snapshot at send: cannot clone $"));
        assertThat(log.snapshot().count(EventKind.MUTATED_IN_FLIGHT)).isZero();
    }

    @Test
    void anInjectedComparatorsDifferencesBecomeTheDetail() throws Exception {
        // GIVEN a tap comparing with a comparator that always finds two differences
        QueueTap<Object> queue = Taps.queue(new LinkedBlockingQueue<>(), log, TapOptions.defaults().snapshotAtSend(true)
                .comparingWith((sent, delivered) -> List.of("$[0]: VALUE_CHANGED", "$[1]: MISSING")));

        // WHEN a message passes
        queue.put(new ArrayList<>(List.of("x")));
        queue.take();

        // THEN the differences are joined into the detail
        assertThat(events(log, EventKind.MUTATED_IN_FLIGHT)).singleElement()
                .satisfies(mutated -> assertThat(mutated.detail()).isEqualTo("$[0]: VALUE_CHANGED; $[1]: MISSING"));
    }

    @Test
    void aFailingComparatorIsRecordedAndTheMessageStillDelivered() throws Exception {
        // GIVEN a tap whose comparator throws
        QueueTap<Object> queue = Taps.queue(new LinkedBlockingQueue<>(), log, TapOptions.defaults().snapshotAtSend(true)
                .comparingWith((sent, delivered) -> {
                    throw new UnsupportedOperationException("cannot compare lists");
                }));
        List<String> message = new ArrayList<>(List.of("x"));

        // WHEN a message passes
        queue.put(message);
        Object delivered = queue.take();

        // THEN the consumer got it and the failed comparison is an unhandled message error
        assertThat(delivered).isSameAs(message);
        assertThat(events(log, EventKind.MESSAGE_ERROR)).singleElement().satisfies(error -> {
            assertThat(error.outcome()).isEqualTo(Outcome.UNHANDLED);
            assertThat(error.detail()).isEqualTo(
                    "snapshot comparison failed: java.lang.UnsupportedOperationException: cannot compare lists");
        });
    }
}
