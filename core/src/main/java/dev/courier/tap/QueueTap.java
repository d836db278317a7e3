package dev.courier.tap;

import dev.courier.tap.internal.Labels;
import dev.courier.tap.internal.QueueTracker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link BlockingQueue} view of the user's own queue that records every message's life in a
 * {@code DeliveryLog}. Obtained from {@link Taps#queue}; producers and consumers use it in place of the
 * queue. Receiver label {@code queue:<name>}; sender label the calling thread's name, the options'
 * sender, or the one fixed with {@link #as(String)}.
 *
 * <ul>
 *   <li>{@code offer}, {@code put}, {@code add}: SENT before the call, ENQUEUED (depth) once accepted; a
 *       refused or interrupted insert is DROPPED OVERFLOW ("capacity n, offer refused").</li>
 *   <li>{@code take}, {@code poll}, {@code remove()}, {@code drainTo}: DELIVERED (depth left), then
 *       MUTATED_IN_FLIGHT if snapshots are on and the message changed since it was sent.</li>
 *   <li>{@code clear}, {@code remove(Object)}, removal through the iterator (and so {@code removeIf},
 *       {@code removeAll}, {@code retainAll}): DROPPED TERMINATED, naming the call.</li>
 *   <li>{@link #handled(Object, Throwable)}: HANDLED, only when the consumer reports it.</li>
 *   <li>each consumer thread's first take: CONSUMER_STARTED (several mean competing consumers, whose
 *       recording order is not the queue's order); a control message declared with
 *       {@link TapOptions#endOfStream}: nothing on send, CONSUMER_STOPPED (depth left) on take.</li>
 * </ul>
 *
 * <p>A message is identified by object identity or the options' key. Sending a known key again records
 * no new SENT: the ENQUEUED event says "sent again", and the second delivery is a duplicate (two
 * DELIVERED with one message id). A message taken that was never sent through a tap of this queue is
 * recorded as delivered without a sender (unexpected). Keys are remembered for the tap's lifetime.
 *
 * <p>Thread contract: as thread-safe as the wrapped queue; any thread may call any method, and
 * blocking methods block exactly as the queue's do. The SENT of a message is appended before the queue
 * sees it, and its ENQUEUED before its DELIVERED, whichever thread gets there first. Per call the tap
 * adds one key lookup and one or two appends to the log.
 *
 * @param <T> the message type
 */
public final class QueueTap<T> extends QueueTapBase<T, BlockingQueue<T>> implements BlockingQueue<T> {

    QueueTap(BlockingQueue<T> queue, QueueTracker tracker, String sender) {
        super(queue, tracker, sender);
    }

    /** A view of the same tap whose sends are all labelled with {@code senderLabel}. */
    public QueueTap<T> as(String senderLabel) {
        return new QueueTap<>(queue, tracker, Labels.requireLabel(senderLabel, "sender"));
    }

    /** The queue behind the tap; calls made on it directly are not recorded. */
    public BlockingQueue<T> unwrap() {
        return queue;
    }

    /** Records that the consumer handled {@code message} successfully. */
    public void handled(T message) {
        handled(message, null);
    }

    @Override
    public boolean add(T message) {
        return tracker.insertNow(queue, message, sender, BlockingQueue::add, "add refused");
    }

    @Override
    public void put(T message) throws InterruptedException {
        tracker.insert(queue, message, sender, (into, m) -> {
            into.put(m);
            return true;
        }, "put interrupted while waiting for space");
    }

    @Override
    public boolean offer(T message, long timeout, TimeUnit unit) throws InterruptedException {
        return tracker.insert(queue, message, sender, (into, m) -> into.offer(m, timeout, unit),
                "offer timed out after " + timeout + " " + unit.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public T take() throws InterruptedException {
        return tracker.taken(queue.take());
    }

    @Override
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        return tracker.taken(queue.poll(timeout, unit));
    }

    @Override
    public int drainTo(Collection<? super T> target) {
        return drainTo(target, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super T> target, int maxElements) {
        Objects.requireNonNull(target, "target");
        if (target == this || target == queue) {
            throw new IllegalArgumentException("cannot drain " + label() + " into itself");
        }
        List<T> batch = new ArrayList<>();
        int drained = queue.drainTo(batch, maxElements);
        int left = queue.size();
        for (int i = 0; i < drained; i++) {
            // Depth left as if the batch had been taken one by one.
            tracker.delivered(batch.get(i), left + drained - i - 1);
        }
        target.addAll(batch);
        return drained;
    }

    @Override
    public void clear() {
        List<T> batch = new ArrayList<>();
        queue.drainTo(batch);
        for (int i = 0; i < batch.size(); i++) {
            tracker.discarded(batch.get(i), batch.size() - i - 1, "discarded by clear()");
        }
    }

    @Override
    public int remainingCapacity() {
        return queue.remainingCapacity();
    }

    @Override
    public Object[] toArray() {
        return queue.toArray();
    }

    @Override
    public <A> A[] toArray(A[] array) {
        return queue.toArray(array);
    }

}
