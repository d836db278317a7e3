package dev.courier.tap;

import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.tap.internal.DropTracker;
import dev.courier.tap.internal.Labels;
import dev.courier.tap.internal.Ledger;
import dev.courier.tap.internal.PendingSend;
import dev.courier.tap.internal.Registry;
import dev.courier.tap.internal.TappedSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * A {@link Flow.Publisher} over the user's {@link SubmissionPublisher} that records each item as one
 * message per subscriber: sender the publishing thread, receiver the subscriber
 * ({@code publisher:<name>.<subscriber name>}), so per-(sender, receiver) checks see one ordinary
 * stream per subscriber. Obtained from {@link Taps#publisher}; subscribe through the tap
 * ({@link #subscribe(Flow.Subscriber, String)}) and publish through it.
 *
 * <ul>
 *   <li>{@code submit} / {@code offer}: SENT for each subscriber subscribed through the tap, then
 *       ENQUEUED (depth = that subscriber's items not yet delivered).</li>
 *   <li>{@code onNext}: DELIVERED, then HANDLED OK or THREW.</li>
 *   <li>An item {@code offer} drops for a subscriber: DROPPED OVERFLOW ("capacity n, offer refused"),
 *       after the user's drop handler ran; when the handler asks for a retry the drop is recorded only
 *       if the retry fails too. Publishing to a closed publisher: DROPPED PORT_CLOSED, exception rethrown.</li>
 *   <li>{@code onError}: WORKER_ERROR (detail "onError") then WORKER_EXIT 1; {@code onComplete}: WORKER_EXIT
 *       0; items still pending at any end, including {@code cancel}: DROPPED TERMINATED.</li>
 * </ul>
 *
 * <p>Thread contract: any thread may publish, subscribe or close; each call blocks exactly as the
 * wrapped publisher's does. Subscribe before publishing: an item published while a subscriber is
 * being added may reach it unrecorded as sent (recorded as unexpected). Subscribers added to the
 * wrapped publisher directly are not recorded.
 *
 * @param <T> the item type
 */
public final class PublisherTap<T> implements Flow.Publisher<T>, AutoCloseable {

    private final SubmissionPublisher<T> publisher;
    private final DeliveryLog log;
    private final String label;
    private final AtomicInteger subscribers = new AtomicInteger();
    private volatile boolean retainPayloads;

    PublisherTap(SubmissionPublisher<T> publisher, DeliveryLog log, String label) {
        this.publisher = publisher;
        this.log = log;
        this.label = label;
    }

    /** The publisher's label, e.g. {@code publisher:prices}; subscriber labels start with it. */
    public String label() {
        return label;
    }

    /** The publisher behind the tap; items and subscribers given to it directly are not recorded. */
    public SubmissionPublisher<T> unwrap() {
        return publisher;
    }

    /** Subscribes with a numbered label: {@code <publisher label>.subscriber-<n>}. */
    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        subscribe(subscriber, "subscriber-" + subscribers.incrementAndGet());
    }

    /** Subscribes with the label {@code <publisher label>.<name>}. */
    public void subscribe(Flow.Subscriber<? super T> subscriber, String name) {
        Objects.requireNonNull(subscriber, "subscriber");
        String subscriberLabel = label + "." + Labels.requireLabel(name, "subscriber name");
        Ledger ledger = Registry.ledger(log, subscriberLabel);
        if (retainPayloads) {
            ledger.retainPayloads();
        }
        publisher.subscribe(new TappedSubscriber<>(subscriber, ledger, this));
    }

    /** Subscribers subscribed from now on have their items retained on SENT and DELIVERED events. */
    PublisherTap<T> retainingPayloads(boolean enabled) {
        retainPayloads = enabled;
        return this;
    }

    /** {@link SubmissionPublisher#submit}, recorded. */
    public int submit(T item) {
        List<Send> sends = expect(item);
        int lag;
        try {
            lag = publisher.submit(item);
        } catch (RuntimeException e) {
            refuseAll(sends, e);
            throw e;
        }
        sends.forEach(Send::accepted);
        return lag;
    }

    /** {@link SubmissionPublisher#offer(Object, BiPredicate)}, recorded; {@code onDrop} may be null. */
    public int offer(T item, BiPredicate<Flow.Subscriber<? super T>, ? super T> onDrop) {
        return offer(item, 0, TimeUnit.NANOSECONDS, onDrop);
    }

    /** {@link SubmissionPublisher#offer(Object, long, TimeUnit, BiPredicate)}, recorded. */
    public int offer(T item, long timeout, TimeUnit unit, BiPredicate<Flow.Subscriber<? super T>, ? super T> onDrop) {
        List<Send> sends = expect(item);
        DropTracker<T> drops = new DropTracker<>(this, onDrop, "capacity " + publisher.getMaxBufferCapacity());
        int result;
        try {
            result = timeout > 0 ? publisher.offer(item, timeout, unit, drops) : publisher.offer(item, drops);
        } catch (RuntimeException e) {
            refuseAll(sends, e);
            throw e;
        }
        drops.settle(item, result);
        sends.forEach(Send::accepted);
        return result;
    }

    /** {@link SubmissionPublisher#close()}: subscribers complete once they have consumed what was sent. */
    @Override
    public void close() {
        publisher.close();
    }

    /** {@link SubmissionPublisher#closeExceptionally}: subscribers get {@code onError}. */
    public void closeExceptionally(Throwable error) {
        publisher.closeExceptionally(error);
    }

    private List<Send> expect(T item) {
        Objects.requireNonNull(item, "item");
        String sender = Labels.currentThread();
        List<Send> sends = new ArrayList<>();
        for (Flow.Subscriber<? super T> subscriber : publisher.getSubscribers()) {
            if (subscriber instanceof TappedSubscriber<?> tapped && tapped.belongsTo(this)) {
                PendingSend send = tapped.expect(item, sender);
                if (send != null) {
                    sends.add(new Send(tapped, send));
                }
            }
        }
        return sends;
    }

    private void refuseAll(List<Send> sends, RuntimeException error) {
        boolean closed = publisher.isClosed();
        for (Send send : sends) {
            send.subscriber.refused(send.send, closed ? DropCause.PORT_CLOSED : DropCause.OVERFLOW,
                    closed ? "publisher closed" : "the publisher threw " + error, error);
        }
    }

    private record Send(TappedSubscriber<?> subscriber, PendingSend send) {
        void accepted() {
            subscriber.accepted(send);
        }
    }
}
