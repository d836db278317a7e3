package dev.courier.tap.internal;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A message a {@link Ledger} knows by key, with its sends still in flight in send order.
 *
 * <p>Thread contract: the reference is immutable; the in-flight queue is concurrent (senders add,
 * receivers take from the head, a refused sender removes its own send).
 */
public final class TrackedMessage {

    private final MessageRef ref;
    private final ConcurrentLinkedQueue<PendingSend> inFlight = new ConcurrentLinkedQueue<>();

    TrackedMessage(MessageRef ref) {
        this.ref = ref;
    }

    public MessageRef ref() {
        return ref;
    }

    ConcurrentLinkedQueue<PendingSend> inFlight() {
        return inFlight;
    }
}
