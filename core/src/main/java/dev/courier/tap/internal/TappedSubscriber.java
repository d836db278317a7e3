package dev.courier.tap.internal;

import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Flow;

/**
 * A subscriber wrapped by a publisher tap: the receiving endpoint of one message per item. The
 * publisher side registers each item with {@link #expect} before publishing it; {@code onNext} closes
 * it with DELIVERED and HANDLED. Items still pending when the subscription ends (onError, onComplete,
 * cancel) are recorded DROPPED TERMINATED; onError is also recorded as WORKER_ERROR and every end as
 * WORKER_EXIT (0 for onComplete, 1 for onError) about this subscriber.
 *
 * <p>Thread contract: {@code expect}, {@code accepted} and {@code dropped} run on publishing threads,
 * the {@code Flow.Subscriber} methods on the publisher's executor, serially as Flow requires. Pending
 * items live in a concurrent deque; an item published while the subscription is being cancelled may
 * be left pending (shown as lost without cause).
 */
public final class TappedSubscriber<T> implements Flow.Subscriber<T> {

    private final Flow.Subscriber<? super T> subscriber;
    private final Ledger ledger;
    private final Object owner;
    private final ConcurrentLinkedDeque<PendingSend> pending = new ConcurrentLinkedDeque<>();
    private volatile boolean ended;

    /** @param owner the publisher tap this subscriber was subscribed through */
    public TappedSubscriber(Flow.Subscriber<? super T> subscriber, Ledger ledger, Object owner) {
        this.subscriber = subscriber;
        this.ledger = ledger;
        this.owner = owner;
        ledger.describeWith(() -> "pending " + pending.size() + (ended ? ", ended" : ""), () -> false);
    }

    /** Whether this subscriber was subscribed through {@code tap}. */
    public boolean belongsTo(Object tap) {
        return owner == tap;
    }

    /** The user's subscriber. */
    public Flow.Subscriber<? super T> subscriber() {
        return subscriber;
    }

    /** Records SENT for {@code item} to this subscriber, or returns null once the subscription ended. */
    public PendingSend expect(Object item, String sender) {
        if (ended) {
            return null;
        }
        MessageRef message = ledger.newMessage(sender);
        ledger.recordSent(message, null, item);
        PendingSend send = new PendingSend(message, item, null, null, true);
        pending.add(send);
        return send;
    }

    /** The publisher accepted the item for this subscriber. */
    public void accepted(PendingSend send) {
        ledger.recordEnqueued(send, pending.size());
    }

    /** The publisher refused the item for this subscriber (closed, or a failure). */
    public void refused(PendingSend send, DropCause cause, String detail, Throwable error) {
        pending.remove(send);
        ledger.recordRefused(send, cause, pending.size(), detail, error);
    }

    /** The publisher dropped {@code item} for this subscriber: its buffer was full. */
    public void dropped(Object item, String detail) {
        Iterator<PendingSend> newestFirst = pending.descendingIterator();
        while (newestFirst.hasNext()) {
            PendingSend send = newestFirst.next();
            if (send.item() == item) {
                refused(send, DropCause.OVERFLOW, detail, null);
                return;
            }
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                subscription.request(n);
            }

            @Override
            public void cancel() {
                subscription.cancel();
                end("discarded: the subscriber cancelled");
            }
        });
    }

    @Override
    public void onNext(T item) {
        PendingSend send = takePending(item);
        if (send == null) {
            send = ledger.messages().deliver(new IdentityKey(item), pending.size(), item);
        } else {
            ledger.recordDelivered(send, pending.size(), null, item);
        }
        ledger.runHandler(send, () -> subscriber.onNext(item));
    }

    @Override
    public void onError(Throwable error) {
        end("discarded: the subscription ended with onError");
        ledger.recordAbout(EventKind.WORKER_ERROR, 0, "onError", error);
        ledger.recordAbout(EventKind.WORKER_EXIT, 1, "onError", null);
        subscriber.onError(error);
    }

    @Override
    public void onComplete() {
        end("discarded: the subscription completed");
        ledger.recordAbout(EventKind.WORKER_EXIT, 0, "onComplete", null);
        subscriber.onComplete();
    }

    // Concurrent publishers may enqueue in another order than they registered: match by identity.
    private PendingSend takePending(Object item) {
        Iterator<PendingSend> oldestFirst = pending.iterator();
        while (oldestFirst.hasNext()) {
            PendingSend send = oldestFirst.next();
            if (send.item() == item && pending.removeFirstOccurrence(send)) {
                return send;
            }
        }
        return null;
    }

    private void end(String how) {
        ended = true;
        PendingSend send;
        while ((send = pending.poll()) != null) {
            ledger.recordDiscarded(send, DropCause.TERMINATED, pending.size(), how);
        }
    }
}
