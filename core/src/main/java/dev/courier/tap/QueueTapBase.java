package dev.courier.tap;

import dev.courier.tap.internal.QueueTracker;
import dev.courier.tap.internal.TrackedIterator;
import java.util.AbstractQueue;
import java.util.Iterator;
import java.util.Objects;
import java.util.Queue;

/**
 * What the blocking and the non-blocking queue tap record the same way: offer, poll, remove, iteration and the
 * consumer's HANDLED, each through the tap's {@link QueueTracker}. Not API: the taps' public methods are
 * documented on {@link QueueTap} and {@link NonBlockingQueueTap}.
 *
 * <p>Thread contract: as thread-safe as the wrapped queue; nothing blocks beyond the queue's own calls and the
 * log's append lock.
 *
 * @param <T> the message type
 * @param <Q> the wrapped queue's type
 */
abstract class QueueTapBase<T, Q extends Queue<T>> extends AbstractQueue<T> {

    final Q queue;
    final QueueTracker tracker;
    /** The fixed sender label, or null for the calling thread's name. */
    final String sender;

    QueueTapBase(Q queue, QueueTracker tracker, String sender) {
        this.queue = queue;
        this.tracker = tracker;
        this.sender = sender;
    }

    /** The receiver label, e.g. {@code queue:jobs}. */
    public String label() {
        return tracker.label();
    }

    /** Records that the consumer handled {@code message}: OK when {@code error} is null, else THREW. */
    public void handled(T message, Throwable error) {
        tracker.handled(Objects.requireNonNull(message, "message"), error);
    }

    @Override
    public boolean offer(T message) {
        return tracker.insertNow(queue, message, sender, Queue::offer, "offer refused");
    }

    @Override
    public T poll() {
        return tracker.taken(queue.poll());
    }

    @Override
    public T peek() {
        return queue.peek();
    }

    @Override
    public boolean remove(Object message) {
        return tracker.remove(message);
    }

    @Override
    public Iterator<T> iterator() {
        return new TrackedIterator<>(queue, tracker);
    }

    @Override
    public int size() {
        return queue.size();
    }

    @Override
    public boolean contains(Object message) {
        return queue.contains(message);
    }

    @Override
    public String toString() {
        return label() + queue;
    }
}
