package dev.courier.worker.internal;

import dev.courier.clone.Snapshot;
import java.util.List;

/**
 * One message on its way: the encoded wire form plus the facts the history needs. Created by the
 * sending thread; its sequence is assigned by {@link Inbox#offer} under the inbox lock; read by the
 * receiving loop after {@link Inbox#poll} (the lock hand-off orders the writes before the reads).
 */
public final class Envelope {

    final long messageId;
    final Object wire;
    final List<?> ports;
    final long sentAtNanos;
    final Object retainedPayload;
    final Snapshot snapshot;
    final String sentDetail;
    long sequence;
    int depthAfterPoll;

    /**
     * @param ports           ports transferred with the message (event.ports())
     * @param retainedPayload the sent payload when payload retention is on, else null
     * @param snapshot        the payload's snapshot at send when mutation in flight is detected, else null
     * @param sentDetail      the SENT event's detail, or null
     */
    public Envelope(long messageId, Object wire, List<?> ports, long sentAtNanos, Object retainedPayload,
                    Snapshot snapshot, String sentDetail) {
        this.messageId = messageId;
        this.wire = wire;
        this.ports = ports;
        this.sentAtNanos = sentAtNanos;
        this.retainedPayload = retainedPayload;
        this.snapshot = snapshot;
        this.sentDetail = sentDetail;
    }

    public long messageId() {
        return messageId;
    }

    public Object wire() {
        return wire;
    }

    public List<?> ports() {
        return ports;
    }

    public long sentAtNanos() {
        return sentAtNanos;
    }

    /** The payload's snapshot at send, or null when none was taken. */
    public Snapshot snapshot() {
        return snapshot;
    }

    public long sequence() {
        return sequence;
    }

    /** Queue depth left right after this message was taken off the queue. */
    public int depthAfterPoll() {
        return depthAfterPoll;
    }
}
