package dev.courier.history;

/**
 * One recorded fact, materialized from a {@link DeliveryLog}. Immutable; safe to share between threads.
 *
 * @param index     position in the log, from 0, in append order
 * @param kind      what happened
 * @param timeNanos monotonic time of the append, from the log's clock
 * @param messageId id of the message (0 for events not about a message)
 * @param sender    label of the sending endpoint (null for events not about a message)
 * @param receiver  label of the receiving endpoint, or of the worker/port a lifecycle event is about
 * @param sequence  the sender's sequence number for the message, from 1 (0 when not applicable)
 * @param number    a count whose meaning depends on {@code kind}: queue depth for ENQUEUED, DELIVERED and
 *                  DROPPED, exit code for WORKER_EXIT, listener count for LISTENER_ADDED/REMOVED
 * @param cause     why a DROPPED message was dropped, otherwise null
 * @param outcome   HANDLED and MESSAGE_ERROR outcome, otherwise {@link Outcome#NONE}
 * @param detail    free text from the recorder (path and class of a clone failure, listener type, ...)
 * @param error     the throwable behind the event, if any
 * @param payload   the retained payload, when payload retention is on, otherwise null
 */
public record DeliveryEvent(long index, EventKind kind, long timeNanos, long messageId, String sender,
                            String receiver, long sequence, int number, DropCause cause, Outcome outcome,
                            String detail, Throwable error, Object payload) {

    /** Queue depth recorded with ENQUEUED, DELIVERED and DROPPED events. */
    public int queueDepth() {
        return number;
    }

    /** Exit code recorded with WORKER_EXIT. */
    public int exitCode() {
        return number;
    }

    /** Listener count after a LISTENER_ADDED or LISTENER_REMOVED event. */
    public int listenerCount() {
        return number;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append('#').append(index).append(' ').append(kind);
        if (kind.isMessageEvent()) {
            text.append(" msg ").append(messageId).append(' ').append(sender).append("->").append(receiver)
                    .append(" seq ").append(sequence);
        } else if (receiver != null) {
            text.append(' ').append(receiver);
        }
        if (cause != null) {
            text.append(" cause ").append(cause);
        }
        if (outcome != Outcome.NONE) {
            text.append(' ').append(outcome);
        }
        if (detail != null) {
            text.append(" (").append(detail).append(')');
        }
        return text.toString();
    }
}
