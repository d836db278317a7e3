package dev.courier.tap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.BiPredicate;

/**
 * The drop handler a publisher tap passes to {@code SubmissionPublisher.offer} for one call: records
 * DROPPED OVERFLOW for each tapped subscriber the item could not reach, after asking the user's own
 * handler (which sees the user's subscriber). When the user's handler asks for a retry, the outcome is
 * settled from the offer's result: recorded as dropped only when every retry is known to have failed.
 *
 * <p>Thread contract: confined to the offering thread for one offer call (the publisher calls the
 * handler on that thread).
 */
public final class DropTracker<T> implements BiPredicate<Flow.Subscriber<? super T>, T> {

    private final Object tap;
    private final BiPredicate<Flow.Subscriber<? super T>, ? super T> onDrop;
    private final String capacity;
    private final List<TappedSubscriber<?>> retried = new ArrayList<>();
    private int retriedElsewhere;
    private int dropped;

    /** @param capacity the publisher's buffer capacity as detail text, e.g. "capacity 16" */
    public DropTracker(Object tap, BiPredicate<Flow.Subscriber<? super T>, ? super T> onDrop, String capacity) {
        this.tap = tap;
        this.onDrop = onDrop;
        this.capacity = capacity;
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean test(Flow.Subscriber<? super T> subscriber, T item) {
        if (!(subscriber instanceof TappedSubscriber<?> tapped) || !tapped.belongsTo(tap)) {
            boolean retry = onDrop != null && onDrop.test(subscriber, item);
            if (retry) {
                retriedElsewhere++;
            } else {
                dropped++;
            }
            return retry;
        }
        boolean retry = onDrop != null && onDrop.test((Flow.Subscriber<? super T>) tapped.subscriber(), item);
        if (retry) {
            retried.add(tapped);
        } else {
            dropped++;
            tapped.dropped(item, capacity + ", offer refused");
        }
        return retry;
    }

    /** Settles the retried subscribers from the offer's result (negative: minus the number of drops). */
    public void settle(Object item, int offerResult) {
        int failedRetries = (offerResult < 0 ? -offerResult : 0) - dropped;
        if (!retried.isEmpty() && failedRetries == retried.size() + retriedElsewhere) {
            for (TappedSubscriber<?> tapped : retried) {
                tapped.dropped(item, capacity + ", offer refused, retry refused too");
            }
        }
    }
}
