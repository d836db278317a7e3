package dev.courier.tap;

import dev.courier.tap.internal.TappedSubscriber;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/**
 * A real {@link SubmissionPublisher} that records each item as one message per subscriber, as
 * {@link PublisherTap} does: code declared with {@code SubmissionPublisher} (or {@code Flow.Publisher})
 * takes it unchanged. Obtained from {@link Taps#submissionPublisher}. It publishes through an inner
 * publisher with the same executor and buffer capacity, so {@code submit} blocks, and {@code offer}
 * drops, exactly as a plain {@code SubmissionPublisher} would; every method answers for that inner
 * publisher. Subscribers get the labels {@code <publisher label>.subscriber-<n>}, or
 * {@code <publisher label>.<name>} through {@link #subscribe(Flow.Subscriber, String)}.
 *
 * <p>Events: SENT and ENQUEUED per subscriber at {@code submit}/{@code offer}; DELIVERED and HANDLED at
 * {@code onNext}; an item {@code offer} drops for a subscriber: DROPPED OVERFLOW ("capacity n, offer
 * refused"), after the user's drop handler ran; publishing after close: DROPPED PORT_CLOSED;
 * {@code onError}, {@code onComplete} and {@code cancel} end the subscriber, items still pending are
 * DROPPED TERMINATED. {@code consume(...)} subscribes through the tap.
 *
 * <p>Thread contract: as {@link SubmissionPublisher}: any thread may publish, subscribe or close; each
 * call blocks exactly as the JDK's does. Subscribe before publishing (see {@link PublisherTap}).
 *
 * @param <T> the item type
 */
public final class SubmissionPublisherTap<T> extends SubmissionPublisher<T> {

    private final SubmissionPublisher<T> inner;
    private final PublisherTap<T> tap;

    SubmissionPublisherTap(SubmissionPublisher<T> inner, PublisherTap<T> tap) {
        super(inner.getExecutor(), inner.getMaxBufferCapacity());
        this.inner = inner;
        this.tap = tap;
    }

    /** The publisher's label, e.g. {@code publisher:quotes}. */
    public String label() {
        return tap.label();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        tap.subscribe(subscriber);
    }

    /** Subscribes with the label {@code <publisher label>.<name>}. */
    public void subscribe(Flow.Subscriber<? super T> subscriber, String name) {
        tap.subscribe(subscriber, name);
    }

    @Override
    public int submit(T item) {
        return tap.submit(item);
    }

    @Override
    public int offer(T item, BiPredicate<Flow.Subscriber<? super T>, ? super T> onDrop) {
        return tap.offer(item, onDrop);
    }

    @Override
    public int offer(T item, long timeout, TimeUnit unit, BiPredicate<Flow.Subscriber<? super T>, ? super T> onDrop) {
        return tap.offer(item, timeout, unit, onDrop);
    }

    @Override
    public void close() {
        tap.close();
    }

    @Override
    public void closeExceptionally(Throwable error) {
        tap.closeExceptionally(error);
    }

    @Override
    public boolean isClosed() {
        return inner.isClosed();
    }

    @Override
    public Throwable getClosedException() {
        return inner.getClosedException();
    }

    @Override
    public boolean hasSubscribers() {
        return inner.hasSubscribers();
    }

    @Override
    public int getNumberOfSubscribers() {
        return inner.getNumberOfSubscribers();
    }

    @Override
    public Executor getExecutor() {
        return inner.getExecutor();
    }

    @Override
    public int getMaxBufferCapacity() {
        return inner.getMaxBufferCapacity();
    }

    /** The tapped subscribers' recording wrappers (each names the user's subscriber it wraps). */
    @Override
    public List<Flow.Subscriber<? super T>> getSubscribers() {
        return inner.getSubscribers();
    }

    @Override
    public boolean isSubscribed(Flow.Subscriber<? super T> subscriber) {
        for (Flow.Subscriber<? super T> subscribed : inner.getSubscribers()) {
            if (subscribed == subscriber
                    || subscribed instanceof TappedSubscriber<?> tapped && tapped.subscriber() == subscriber) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long estimateMinimumDemand() {
        return inner.estimateMinimumDemand();
    }

    @Override
    public int estimateMaximumLag() {
        return inner.estimateMaximumLag();
    }

    @Override
    public String toString() {
        return label() + "[" + inner + "]";
    }
}
