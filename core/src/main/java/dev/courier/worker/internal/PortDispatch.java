package dev.courier.worker.internal;

import dev.courier.worker.ListenerPolicy;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Delivers a port's queued messages on the loop that owns the port: which loop that is, whether the port
 * is started, and the one pump task at a time that hands a message to {@link PortDelivery}. One message per
 * turn, so several ports into one loop take turns.
 *
 * <p>Thread contract: {@link #schedule()}, {@link #start()} and {@link #owner()} may be called from any
 * thread and never block; at most one pump task is queued on the owner at a time. {@link #dispatchQueued()}
 * runs on the owner's thread. {@link #moveTo} and {@link #releasePump()} are called by the transfer that
 * moves the port, in that order, before the port is attached to its new owner.
 */
final class PortDispatch {

    private final Inbox inbox;
    private final PortDelivery delivery;
    private final AtomicReference<Loop> pumpingOn = new AtomicReference<>();
    private volatile Loop owner;
    private volatile boolean started;

    PortDispatch(Inbox inbox, PortDelivery delivery, Loop owner, boolean started) {
        this.inbox = inbox;
        this.delivery = delivery;
        this.owner = owner;
        this.started = started;
    }

    /** Under DROP_WHEN_NO_LISTENER a port delivers (and drops) without waiting for a listener or start(). */
    static boolean startsUnprompted(PortSettings settings) {
        return settings.listenerPolicy() == ListenerPolicy.DROP_WHEN_NO_LISTENER;
    }

    /** The loop that delivers this port's messages now. */
    Loop owner() {
        return owner;
    }

    boolean isStarted() {
        return started;
    }

    /** Starts delivering queued messages. */
    void start() {
        started = true;
        schedule();
    }

    /** Transfer: the port now belongs to {@code to}; it is started again only if its policy starts it. */
    void moveTo(Loop to, boolean startedThere) {
        started = startedThere;
        owner = to;
    }

    /** Transfer: forgets a pump queued on the old owner (it will find it is no longer the owner). */
    void releasePump() {
        pumpingOn.set(null);
    }

    /** Queues a pump on the owner if the port is started, has messages, and none is queued yet. */
    void schedule() {
        if (!started || inbox.depth() == 0) {
            return;
        }
        Loop loop = owner;
        if (pumpingOn.compareAndSet(null, loop) && !loop.execute("message listener", () -> pump(loop))) {
            pumpingOn.compareAndSet(loop, null);
        }
    }

    private void pump(Loop loop) {
        if (!pumpingOn.compareAndSet(loop, null)) {
            return;
        }
        if (owner != loop) {
            schedule();
            return;
        }
        try {
            delivery.dispatchOne(loop);
        } finally {
            schedule();
        }
    }

    /** Delivers everything queued now, on the calling thread (the owner's), if the port is started. */
    void dispatchQueued() {
        Loop loop = owner;
        while (started && inbox.depth() > 0) {
            delivery.dispatchOne(loop);
        }
    }
}
