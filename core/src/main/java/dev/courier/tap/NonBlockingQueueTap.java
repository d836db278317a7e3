package dev.courier.tap;

import dev.courier.tap.internal.Labels;
import dev.courier.tap.internal.QueueTracker;
import java.util.Queue;

/**
 * A {@link Queue} view of the user's non-blocking queue ({@code ConcurrentLinkedQueue},
 * {@code ArrayDeque} under a lock, JCTools-style bounded queues) that records every message's life in a
 * {@code DeliveryLog}, as {@link QueueTap} does for blocking queues. Obtained from
 * {@link Taps#queue(Queue, dev.courier.history.DeliveryLog, TapOptions)}; code declared with
 * {@code Queue} takes it unchanged.
 *
 * <ul>
 *   <li>{@code offer}, {@code add}: SENT before the call, ENQUEUED (depth) once accepted; {@code offer}
 *       returning false is DROPPED OVERFLOW ("capacity not reported by X, depth n, offer refused"), an
 *       {@code add} that throws {@link IllegalStateException} likewise.</li>
 *   <li>{@code poll}, {@code remove()}: DELIVERED (depth left).</li>
 *   <li>{@code clear}, {@code remove(Object)}, removal through the iterator: DROPPED TERMINATED.</li>
 *   <li>{@link #handled(Object, Throwable)}: HANDLED, when the consumer reports it.</li>
 * </ul>
 *
 * <p>Thread contract: as thread-safe as the wrapped queue; nothing blocks beyond the log's append lock.
 * A message's SENT is appended before the queue sees it, its ENQUEUED before its DELIVERED.
 *
 * @param <T> the message type
 */
public final class NonBlockingQueueTap<T> extends QueueTapBase<T, Queue<T>> {

    NonBlockingQueueTap(Queue<T> queue, QueueTracker tracker, String sender) {
        super(queue, tracker, sender);
    }

    /** A view of the same tap whose sends are all labelled with {@code senderLabel}. */
    public NonBlockingQueueTap<T> as(String senderLabel) {
        return new NonBlockingQueueTap<>(queue, tracker, Labels.requireLabel(senderLabel, "sender"));
    }

    /** The queue behind the tap; calls made on it directly are not recorded. */
    public Queue<T> unwrap() {
        return queue;
    }

    @Override
    public void clear() {
        T message;
        while ((message = queue.poll()) != null) {
            tracker.discarded(message, queue.size(), "discarded by clear()");
        }
    }
}
