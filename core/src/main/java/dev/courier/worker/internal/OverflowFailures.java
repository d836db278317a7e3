package dev.courier.worker.internal;

import dev.courier.worker.QueueFullException;
import java.time.Duration;

/**
 * The exceptions a sender gets when an {@link Inbox} overflows under {@code FAIL} or {@code BLOCK}; the
 * message has been recorded as DROPPED (OVERFLOW) by then. Stateless; any thread.
 */
final class OverflowFailures {

    private OverflowFailures() {
    }

    /** FAIL: the queue was full. */
    static QueueFullException full(InboxRecorder at, Envelope message, int capacity, String detail) {
        return new QueueFullException(at.receiver(), capacity, "the queue of " + at.receiver() + " is full ("
                + detail + "): message " + message.messageId + " from " + at.sender() + " was dropped");
    }

    /** BLOCK: the queue stayed full for the block timeout, or, under a loop host, a sender cannot wait at all. */
    static RuntimeException stayedFull(PortSettings settings, InboxRecorder at, Envelope message, int capacity,
                                       String detail) {
        if (settings.scheduler().loopHost() != null) {
            return settings.scheduler().loopHost().cannotBlock("postMessage from " + at.sender() + " to "
                    + at.receiver() + " (its queue is full: " + detail + "; message " + message.messageId
                    + " was dropped as OVERFLOW)");
        }
        return new QueueFullException(at.receiver(), capacity, "the queue of " + at.receiver() + " stayed full ("
                + detail + ") for " + settings.blockTimeout() + ": message " + message.messageId
                + " from " + at.sender() + " was dropped; the receiver is not keeping up or is stuck");
    }

    /** BLOCK: the sender's interrupt ended its wait for space (the interrupt flag stays set). */
    static QueueFullException interrupted(InboxRecorder at, Envelope message, int capacity, String detail,
                                          long waitedNanos) {
        return new QueueFullException(at.receiver(), capacity, "postMessage from " + at.sender() + " to "
                + at.receiver() + " was interrupted after " + Duration.ofNanos(waitedNanos).toMillis()
                + " ms of waiting for space in its full queue (" + detail + "): message " + message.messageId
                + " was dropped; the sending thread's interrupt flag is still set");
    }
}
