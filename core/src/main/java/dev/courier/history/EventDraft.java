package dev.courier.history;

import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The facts of one event about to be appended: obtained from {@link HistoryWriter#record(EventKind)},
 * filled fluently, then {@link #append() appended}. A draft is not thread-safe: use it on one thread and
 * append it once.
 */
public final class EventDraft {

    private final ToLongFunction<EventDraft> sink;
    final EventKind kind;
    long messageId;
    String sender;
    String receiver;
    long sequence;
    int number;
    DropCause cause;
    Outcome outcome = Outcome.NONE;
    String detail;
    Throwable error;
    Object payload;
    private boolean appended;

    /** @param sink appends a filled draft and answers its index (the log's append) */
    EventDraft(ToLongFunction<EventDraft> sink, EventKind kind) {
        this.sink = sink;
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The message this event is about and its sender's sequence number. */
    public EventDraft message(long id, long senderSequence) {
        this.messageId = id;
        this.sequence = senderSequence;
        return this;
    }

    /** Sender and receiver endpoint labels. */
    public EventDraft between(String senderLabel, String receiverLabel) {
        this.sender = senderLabel;
        this.receiver = receiverLabel;
        return this;
    }

    /** The endpoint a lifecycle event is about (worker, port). */
    public EventDraft about(String endpointLabel) {
        this.receiver = endpointLabel;
        return this;
    }

    /**
     * The event's number column: queue depth, exit code or listener count, depending on the kind (see
     * {@link DeliveryEvent}). Prefer the named setters below.
     */
    public EventDraft number(int value) {
        this.number = value;
        return this;
    }

    /** The queue depth after an ENQUEUED, DELIVERED or DROPPED event. */
    public EventDraft queueDepth(int depth) {
        return number(depth);
    }

    /** The exit code of a WORKER_EXIT event. */
    public EventDraft exitCode(int code) {
        return number(code);
    }

    /** The listener count after a LISTENER_ADDED or LISTENER_REMOVED event. */
    public EventDraft listenerCount(int count) {
        return number(count);
    }

    public EventDraft cause(DropCause value) {
        this.cause = value;
        return this;
    }

    public EventDraft outcome(Outcome value) {
        this.outcome = Objects.requireNonNull(value, "outcome");
        return this;
    }

    public EventDraft detail(String value) {
        this.detail = value;
        return this;
    }

    public EventDraft error(Throwable value) {
        this.error = value;
        return this;
    }

    /** The payload to retain; pass it only when payload retention is on. */
    public EventDraft payload(Object value) {
        this.payload = value;
        return this;
    }

    /** Appends the event to the log and returns its index. */
    public long append() {
        if (appended) {
            throw new IllegalStateException("this draft was already appended: obtain a new one from HistoryWriter.record");
        }
        appended = true;
        return sink.applyAsLong(this);
    }
}
