package dev.courier.history;

/**
 * What happened. Every fact a runtime or tap records is one of these kinds.
 *
 * <p>Message events ({@link #SENT} to {@link #MUTATED_IN_FLIGHT}) carry a message id, the sender and
 * the receiver, and the sender's sequence number. Worker, listener and port events carry the endpoint in
 * {@code receiver} (the worker or port the event is about).
 */
public enum EventKind {
    /** A message was accepted by {@code postMessage}: encoded and about to be enqueued. */
    SENT,
    /** {@code postMessage} failed to encode the payload; nothing was enqueued. Detail names path and class. */
    CLONE_FAILED,
    /** The message entered the receiver's queue; {@code number} is the queue depth after the enqueue. */
    ENQUEUED,
    /** The message was taken off the queue and decoded for a listener; {@code number} is the depth left. */
    DELIVERED,
    /** Listeners ran for the message; outcome {@link Outcome#OK} or {@link Outcome#THREW}. */
    HANDLED,
    /** The message will never be delivered; {@link DropCause} says why. */
    DROPPED,
    /** Decoding failed at the receiver; outcome {@link Outcome#HANDLED} or {@link Outcome#UNHANDLED}. */
    MESSAGE_ERROR,
    /** A sharing codec saw the payload change between send and delivery; detail lists the differences. */
    MUTATED_IN_FLIGHT,
    /** The worker's script started running. */
    WORKER_ONLINE,
    /** An uncaught exception in the worker's script or one of its listeners. */
    WORKER_ERROR,
    /** The worker's thread ended; {@code number} is the exit code. */
    WORKER_EXIT,
    /** A listener was added; detail is the event type, {@code number} the listener count after. */
    LISTENER_ADDED,
    /** A listener was removed; detail is the event type, {@code number} the listener count after. */
    LISTENER_REMOVED,
    /**
     * A port was transferred to a new owner: {@code receiver} is the port, detail the owner's label (a
     * worker's {@code <name>#<id>}, or {@code main} when no worker owns it). From then on the owner's
     * thread delivers the port's messages, interleaved with everything else it delivers.
     */
    PORT_TRANSFERRED,
    /**
     * A consumer thread took its first message from a tapped queue or ran its first task of a tapped
     * executor: {@code receiver} is the queue or executor, detail the thread's name, {@code number} the
     * count of distinct consumers after. With two or more, deliveries are recorded by competing consumers
     * and their recording order is not the queue's order.
     */
    CONSUMER_STARTED,
    /**
     * A consumer took the end-of-stream (control) message the tap was told about and stops: {@code receiver}
     * is the queue, detail the thread's name, {@code number} the queue depth it left behind.
     */
    CONSUMER_STOPPED,
    /**
     * A transport's own fact that core's checkers do not interpret (a Kafka commit, assignment or
     * revocation): {@code receiver} is the endpoint it is about, detail the fact. Transport modules read
     * these facts in their own checkers.
     */
    FACT,
    /**
     * A thread read one index of a recording {@code SharedBuffer} view ({@code getPlain} or {@code get}):
     * {@code receiver} is the view ({@code shared:<name>.int} or {@code .long}), {@code sender} the thread's name,
     * {@code number} the index and {@code sequence} the value read. Recorded after the read.
     */
    SHARED_READ,
    /**
     * A thread overwrote one index of a recording {@code SharedBuffer} view ({@code setPlain} or {@code set}),
     * columns as {@link #SHARED_READ}, {@code sequence} the value written. Recorded before the write, so a write
     * recorded after a read happened after it.
     */
    SHARED_WRITE,
    /**
     * A thread changed one index of a recording {@code SharedBuffer} view atomically ({@code addAndGet}, a
     * successful {@code compareAndSet}), columns as {@link #SHARED_READ}, {@code sequence} the value after. It
     * completes no read-modify-write of its own, but it is an update another thread's stale write can lose.
     */
    SHARED_ATOMIC_UPDATE;

    private static final EventKind[] VALUES = values();

    /** The constant for an ordinal, without allocating a fresh {@code values()} array. */
    public static EventKind ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /** Whether this kind is about one message (carries a message id). */
    public boolean isMessageEvent() {
        // The message kinds are declared first; every other kind, old or new, comes after them.
        return ordinal() <= MUTATED_IN_FLIGHT.ordinal();
    }
}
