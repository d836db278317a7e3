package dev.courier.tap.internal;

/**
 * One send of a message that has not yet been delivered: what the receiving side needs to close it.
 *
 * <p>Thread contract: created by the sending thread before the message reaches the transport, then
 * read by the receiving thread. Either side may record the message's ENQUEUED event: the sender after
 * the transport accepted it, or the receiver when it got there first. Whoever records an event about
 * this send holds its monitor while taking the obligation ({@link #takeEnqueueObligation()}) and
 * appending, so ENQUEUED is appended once and always before DELIVERED or DROPPED.
 */
public final class PendingSend {

    private boolean enqueueOwed; // guarded by this
    private final MessageRef message;
    private final Object item;
    private final Object snapshot;
    private final String note;

    /**
     * @param message  the message sent
     * @param item     the sent object, when the receiver matches deliveries by identity; else null
     * @param snapshot a deep copy taken at send, or null when none was taken
     * @param note     detail for the ENQUEUED event, or null
     * @param enqueues whether an ENQUEUED event is owed for this send
     */
    public PendingSend(MessageRef message, Object item, Object snapshot, String note, boolean enqueues) {
        this.enqueueOwed = enqueues;
        this.message = message;
        this.item = item;
        this.snapshot = snapshot;
        this.note = note;
    }

    public MessageRef message() {
        return message;
    }

    public Object item() {
        return item;
    }

    public Object snapshot() {
        return snapshot;
    }

    public String note() {
        return note;
    }

    /** True for exactly one caller, who must append ENQUEUED before releasing this send's monitor. */
    public boolean takeEnqueueObligation() {
        assert Thread.holdsLock(this);
        boolean owed = enqueueOwed;
        enqueueOwed = false;
        return owed;
    }
}
