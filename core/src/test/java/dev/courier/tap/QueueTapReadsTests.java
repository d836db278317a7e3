package dev.courier.tap;

import static dev.courier.tap.LogReading.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueueTapReadsTests {

    private final DeliveryLog log = DeliveryLog.create();

    @Test
    void readingATappedQueueShowsTheQueueAndRecordsNothing() {
        // GIVEN a tapped queue of capacity 3 holding two messages
        BlockingQueue<String> inner = new ArrayBlockingQueue<>(3);
        QueueTap<String> queue = Taps.queue(inner, log, TapOptions.defaults().name("jobs"));
        queue.offer("a");
        queue.offer("b");
        long before = log.snapshot().size();

        // WHEN it is read without taking anything
        // THEN each read is the queue's own, and the log did not grow
        assertThat(queue.label()).isEqualTo("queue:jobs");
        assertThat(queue.unwrap()).isSameAs(inner);
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.remainingCapacity()).isEqualTo(1);
        assertThat(queue.peek()).isEqualTo("a");
        assertThat(queue.contains("b")).isTrue();
        assertThat(queue.contains("c")).isFalse();
        assertThat(queue.toArray()).containsExactly("a", "b");
        assertThat(queue.toArray(new String[0])).containsExactly("a", "b");
        assertThat(queue).hasToString("queue:jobs[a, b]");
        assertThat(log.snapshot().size()).isEqualTo(before);
    }

    @Test
    void pollingAnEmptyQueueReturnsNullAndRecordsNoDelivery() throws Exception {
        // GIVEN an empty tapped queue
        QueueTap<String> queue = Taps.queue(new ArrayBlockingQueue<>(1), log);

        // WHEN it is polled, with and without a wait
        String now = queue.poll();
        String waited = queue.poll(1, TimeUnit.MILLISECONDS);

        // THEN nothing came and nothing was recorded
        assertThat(now).isNull();
        assertThat(waited).isNull();
        assertThat(log.snapshot().size()).isZero();
    }

    @Test
    void aPollIsDeliveredWithTheDepthLeftBehind() {
        // GIVEN a tapped queue holding two messages
        QueueTap<String> queue = Taps.queue(new ArrayBlockingQueue<>(3), log);
        queue.offer("a");
        queue.offer("b");

        // WHEN both are polled
        String first = queue.poll();
        String second = queue.poll();

        // THEN each was delivered, with the depth it left: 1, then 0
        assertThat(List.of(first, second)).containsExactly("a", "b");
        assertThat(events(log, EventKind.DELIVERED)).extracting(DeliveryEvent::messageId, DeliveryEvent::queueDepth)
                .containsExactly(tuple(1L, 1), tuple(2L, 0));
    }

    @Test
    void anOfferThatWaitsIsAcceptedWhenThereIsRoomAndDroppedNamingTheWaitWhenNot() throws Exception {
        // GIVEN a tapped queue with room for one
        QueueTap<String> queue = Taps.queue(new ArrayBlockingQueue<>(1), log);

        // WHEN two offers wait up to 1 ms each
        boolean first = queue.offer("fits", 1, TimeUnit.MILLISECONDS);
        boolean second = queue.offer("does not", 1, TimeUnit.MILLISECONDS);

        // THEN the first was enqueued, the second dropped saying how long it waited
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(events(log, EventKind.ENQUEUED)).extracting(DeliveryEvent::messageId).containsExactly(1L);
        assertThat(events(log, EventKind.DROPPED)).singleElement()
                .satisfies(drop -> assertThat(drop.detail()).isEqualTo("capacity 1, offer timed out after 1 milliseconds"));
    }

    @Test
    void removingAMessageRecordsItDiscardedOnlyWhenItWasThere() {
        // GIVEN a tapped queue holding a and b
        QueueTap<String> queue = Taps.queue(new ArrayBlockingQueue<>(3), log);
        queue.add("a");
        queue.add("b");

        // WHEN a is removed, then c (never there)
        boolean removedA = queue.remove("a");
        boolean removedC = queue.remove("c");

        // THEN only a's removal is recorded, with the depth left and how it went
        assertThat(removedA).isTrue();
        assertThat(removedC).isFalse();
        assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
            assertThat(drop.messageId()).isEqualTo(1L);
            assertThat(drop.queueDepth()).isEqualTo(1);
            assertThat(drop.detail()).isEqualTo("removed by remove(Object)");
        });
        assertThat(queue).containsExactly("b");
    }

    @Test
    void clearRecordsEveryMessageDiscardedWithTheDepthBehindIt() {
        // GIVEN a tapped queue holding three messages
        QueueTap<String> queue = Taps.queue(new ArrayBlockingQueue<>(3), log);
        queue.add("a");
        queue.add("b");
        queue.add("c");

        // WHEN it is cleared
        queue.clear();

        // THEN each was discarded in order, with the depth as if removed one by one
        assertThat(queue.size()).isZero();
        assertThat(events(log, EventKind.DROPPED)).extracting(DeliveryEvent::messageId, DeliveryEvent::queueDepth,
                DeliveryEvent::detail).containsExactly(
                        tuple(1L, 2, "discarded by clear()"),
                        tuple(2L, 1, "discarded by clear()"),
                        tuple(3L, 0, "discarded by clear()"));
    }

    @Test
    void iteratingReadsInOrderAndRemovingThroughTheIteratorIsRecorded() {
        // GIVEN a tapped queue holding a and b
        QueueTap<String> queue = Taps.queue(new ArrayBlockingQueue<>(3), log);
        queue.add("a");
        queue.add("b");

        // WHEN it is iterated and a is removed through the iterator
        List<String> seen = new ArrayList<>();
        Iterator<String> iterator = queue.iterator();
        while (iterator.hasNext()) {
            String message = iterator.next();
            seen.add(message);
            if (message.equals("a")) {
                iterator.remove();
            }
        }

        // THEN both were seen in order, and a's removal is recorded with the depth left
        assertThat(seen).containsExactly("a", "b");
        assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
            assertThat(drop.messageId()).isEqualTo(1L);
            assertThat(drop.queueDepth()).isEqualTo(1);
            assertThat(drop.detail()).isEqualTo("removed through an iterator");
        });
    }
}
