package dev.courier.tap.internal;

import java.util.Collection;
import java.util.Iterator;

/**
 * A queue tap's iterator: iterates the wrapped queue and records each element removed through it
 * (directly, or by {@code removeIf}, {@code removeAll}, {@code retainAll}) as discarded.
 *
 * <p>Thread contract: one thread, like any iterator; weakly consistent as the wrapped queue's is.
 */
public final class TrackedIterator<T> implements Iterator<T> {

    private final Collection<T> queue;
    private final Iterator<T> inner;
    private final QueueTracker tracker;
    private T last;

    public TrackedIterator(Collection<T> queue, QueueTracker tracker) {
        this.queue = queue;
        this.inner = queue.iterator();
        this.tracker = tracker;
    }

    @Override
    public boolean hasNext() {
        return inner.hasNext();
    }

    @Override
    public T next() {
        last = inner.next();
        return last;
    }

    @Override
    public void remove() {
        inner.remove();
        tracker.discarded(last, queue.size(), "removed through an iterator");
    }
}
