package dev.courier.worker.internal;

import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.history.HistoryWriter;
import dev.courier.history.Outcome;

/**
 * The history side of an {@link Inbox}: its sender and receiver labels, their ids in the log, and the
 * SENT, ENQUEUED and DROPPED records of the messages offered to it.
 *
 * <p>Thread contract: any thread; never blocks beyond the log's own lock. The inbox calls the record methods
 * under its lock, so records of one inbox are appended in queue order.
 */
public final class InboxRecorder {

    private final HistoryWriter writer;
    private final String sender;
    private final String receiver;
    private int senderId;
    private int receiverId;

    InboxRecorder(DeliveryLog log, String sender, String receiver) {
        this.writer = log.writer();
        this.sender = sender;
        this.receiver = receiver;
    }

    /** SENT; with the payload and detail when the message carries them. */
    void sent(Envelope message) {
        if (message.retainedPayload == null && message.sentDetail == null) {
            writer.appendMessageEvent(EventKind.SENT, message.messageId, message.sequence, senderId(), receiverId(),
                    0, Outcome.NONE);
        } else {
            writer.record(EventKind.SENT).message(message.messageId, message.sequence).between(sender, receiver)
                    .payload(message.retainedPayload).detail(message.sentDetail).append();
        }
    }

    /** ENQUEUED, with the queue depth after it. */
    void enqueued(Envelope message, int depth) {
        writer.appendMessageEvent(EventKind.ENQUEUED, message.messageId, message.sequence, senderId(), receiverId(),
                depth, Outcome.NONE);
    }

    /** DROPPED with {@code cause}, the queue depth and an optional detail. */
    void dropped(Envelope message, DropCause cause, int depth, String detail) {
        writer.record(EventKind.DROPPED).message(message.messageId, message.sequence).between(sender, receiver)
                .cause(cause).queueDepth(depth).detail(detail).append();
    }

    public String sender() {
        return sender;
    }

    /**
     * The sender's endpoint id in the log, interned on first use (not at construction, so ids keep the
     * order in which endpoints first appear in the history). Any thread: a race interns the same label twice
     * and reads the same id.
     */
    public int senderId() {
        int id = senderId;
        if (id == 0) {
            id = writer.endpointId(sender);
            senderId = id;
        }
        return id;
    }

    /** The receiver's endpoint id in the log, interned on first use (see {@link #senderId()}). */
    public int receiverId() {
        int id = receiverId;
        if (id == 0) {
            id = writer.endpointId(receiver);
            receiverId = id;
        }
        return id;
    }

    public String receiver() {
        return receiver;
    }
}
