package dev.courier.tap;

import static dev.courier.tap.LogReading.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.courier.history.Checks;
import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class NonBlockingQueueTapTests {

    private final DeliveryLog log = DeliveryLog.create();

    /** A bounded non-blocking queue in the style of JCTools: offer returns false when full. */
    static final class BoundedQueue<T> extends AbstractQueue<T> {
        private final ArrayDeque<T> items = new ArrayDeque<>();
        private final int capacity;

        BoundedQueue(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public synchronized boolean offer(T item) {
            return items.size() < capacity && items.offer(item);
        }

        @Override
        public synchronized T poll() {
            return items.poll();
        }

        @Override
        public synchronized T peek() {
            return items.peek();
        }

        @Override
        public synchronized int size() {
            return items.size();
        }

        @Override
        public Iterator<T> iterator() {
            return items.iterator();
        }
    }

    /** Production code typed to Queue. */
    static final class Batcher {
        private final Queue<String> pending;

        Batcher(Queue<String> pending) {
            this.pending = pending;
        }

        boolean add(String line) {
            return pending.offer(line);
        }

        int flush() {
            int flushed = 0;
            while (pending.poll() != null) {
                flushed++;
            }
            return flushed;
        }
    }

    @Test
    void offerReturningFalseOnAFullNonBlockingQueueIsAnOverflowDrop() {
        // GIVEN production code typed to Queue, given a tapped bounded queue of two
        Queue<String> queue = Taps.queue(new BoundedQueue<String>(2), log, TapOptions.defaults().name("lines"));
        Batcher batcher = new Batcher(queue);

        // WHEN three lines are added before a flush
        boolean[] accepted = {batcher.add("a"), batcher.add("b"), batcher.add("c")};
        int flushed = batcher.flush();

        // THEN the third is dropped for overflow with the depth it met, the others delivered
        assertThat(accepted).containsExactly(true, true, false);
        assertThat(flushed).isEqualTo(2);
        assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
            assertThat(drop.cause()).isEqualTo(DropCause.OVERFLOW);
            assertThat(drop.number()).isEqualTo(2);
            assertThat(drop.detail()).isEqualTo("capacity not reported by BoundedQueue, depth 2, offer refused");
        });
        assertThat(Checks.delivery(log).ok()).isEqualTo(2);
    }

    @Test
    void aConcurrentLinkedQueueTapRetainsPayloadsAndRecordsClearAsTerminated() {
        // GIVEN a tapped ConcurrentLinkedQueue that retains payloads
        Queue<String> queue = Taps.queue(new ConcurrentLinkedQueue<String>(), log,
                TapOptions.defaults().name("lines").retainPayloads(true));

        // WHEN two lines are offered, one polled and the queue cleared
        queue.offer("first");
        queue.offer("second");
        String polled = queue.poll();
        queue.clear();

        // THEN the payloads are on SENT and DELIVERED, and the cleared line is dropped as terminated
        assertThat(polled).isEqualTo("first");
        assertThat(events(log, EventKind.SENT)).extracting(DeliveryEvent::payload).containsExactly("first", "second");
        assertThat(events(log, EventKind.DELIVERED)).extracting(DeliveryEvent::payload).containsExactly("first");
        assertThat(events(log, EventKind.DROPPED)).extracting(DeliveryEvent::cause, DeliveryEvent::detail)
                .containsExactly(tuple(DropCause.TERMINATED, "discarded by clear()"));
    }
}
