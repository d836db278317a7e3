package dev.courier.tap;

import static dev.courier.tap.LogReading.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class NonBlockingQueueTapReadsTests {

    private final DeliveryLog log = DeliveryLog.create();

    @Test
    void readingATappedQueueShowsTheQueueAndRecordsNothing() {
        // GIVEN a tapped non-blocking queue holding two messages
        Queue<String> inner = new ArrayDeque<>();
        NonBlockingQueueTap<String> queue = Taps.queue(inner, log, TapOptions.defaults().name("inbox"));
        queue.offer("a");
        queue.offer("b");
        long before = log.snapshot().size();

        // WHEN it is read without taking anything
        // THEN each read is the queue's own, and the log did not grow
        assertThat(queue.label()).isEqualTo("queue:inbox");
        assertThat(queue.unwrap()).isSameAs(inner);
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.peek()).isEqualTo("a");
        assertThat(queue.contains("a")).isTrue();
        assertThat(queue.contains("z")).isFalse();
        assertThat(queue).hasToString("queue:inbox[a, b]");
        assertThat(log.snapshot().size()).isEqualTo(before);
    }

    @Test
    void aMessageOfferedAndPolledIsEnqueuedDeliveredAndHandledUnderOneId() {
        // GIVEN a tapped non-blocking queue whose sends are labelled
        NonBlockingQueueTap<String> unlabelled = Taps.queue(new ArrayDeque<String>(), log,
                TapOptions.defaults().name("inbox"));
        NonBlockingQueueTap<String> queue = unlabelled.as("producer");

        // WHEN a message is offered, polled and handled with an error
        boolean accepted = queue.offer("job");
        String taken = queue.poll();
        IllegalStateException error = new IllegalStateException("handler failed");
        queue.handled(taken, error);

        // THEN it was sent by the producer, enqueued at depth 1, delivered leaving 0, and handled with the error
        assertThat(accepted).isTrue();
        assertThat(queue.poll()).isNull();
        assertThat(log.snapshot().events()).filteredOn(event -> event.messageId() == 1L).extracting(DeliveryEvent::kind, DeliveryEvent::messageId,
                DeliveryEvent::sender).containsExactly(
                        tuple(EventKind.SENT, 1L, "producer"),
                        tuple(EventKind.ENQUEUED, 1L, "producer"),
                        tuple(EventKind.DELIVERED, 1L, "producer"),
                        tuple(EventKind.HANDLED, 1L, "producer"));
        assertThat(events(log, EventKind.ENQUEUED)).singleElement()
                .satisfies(enqueued -> assertThat(enqueued.queueDepth()).isEqualTo(1));
        assertThat(events(log, EventKind.DELIVERED)).singleElement()
                .satisfies(delivered -> assertThat(delivered.queueDepth()).isZero());
        assertThat(events(log, EventKind.HANDLED)).singleElement()
                .satisfies(handled -> assertThat(handled.error()).isSameAs(error));
    }

    @Test
    void removeClearAndIteratorRemovalRecordEachMessageDiscardedWithTheDepthLeft() {
        // GIVEN a tapped non-blocking queue holding a, b, c, d
        NonBlockingQueueTap<String> queue = Taps.queue(new ArrayDeque<>(), log, TapOptions.defaults());
        for (String message : List.of("a", "b", "c", "d")) {
            queue.offer(message);
        }

        // WHEN b is removed, z (never there) is removed, a is removed through an iterator, then the rest cleared
        boolean removedB = queue.remove("b");
        boolean removedZ = queue.remove("z");
        List<String> seen = new ArrayList<>();
        Iterator<String> iterator = queue.iterator();
        seen.add(iterator.next());
        iterator.remove();
        queue.clear();

        // THEN each discard is recorded in order with its depth and how it went; z recorded nothing
        assertThat(removedB).isTrue();
        assertThat(removedZ).isFalse();
        assertThat(seen).containsExactly("a");
        assertThat(queue.size()).isZero();
        assertThat(events(log, EventKind.DROPPED)).extracting(DeliveryEvent::messageId, DeliveryEvent::queueDepth,
                DeliveryEvent::detail).containsExactly(
                        tuple(2L, 3, "removed by remove(Object)"),
                        tuple(1L, 2, "removed through an iterator"),
                        tuple(3L, 1, "discarded by clear()"),
                        tuple(4L, 0, "discarded by clear()"));
    }
}
