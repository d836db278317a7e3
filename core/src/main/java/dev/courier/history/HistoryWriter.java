package dev.courier.history;

/**
 * The recorder seam: the one way the runtime, the taps, and the Node.js and Kafka recorders write facts into a
 * {@link DeliveryLog} (obtain it with {@link DeliveryLog#writer()}). Users read a history through the log and its
 * {@link HistorySnapshot}; a test that records its own transport by hand uses {@code dev.courier.tap.Recorder},
 * which writes through this seam.
 *
 * <p>Thread contract: any thread may call any method at any time; appends are serialized by the log's lock and
 * stamped with its clock inside it, and what one thread appended is seen by every later snapshot.
 */
public interface HistoryWriter {

    /** A fresh message id, unique within the log, from 1. */
    long nextMessageId();

    /**
     * The id under which the log stores {@code label} (see {@link HistorySnapshot#senderId(int)}), interned now if
     * new; 0 for null. A recorder that appends many events between the same endpoints asks once and passes the ids
     * to {@link #appendMessageEvent}.
     */
    int endpointId(String label);

    /** Starts an event of the given kind; fill it and call {@link EventDraft#append()}. */
    EventDraft record(EventKind kind);

    /**
     * Appends a message event that has no cause, detail, error or payload: the same event as
     * {@code record(kind).message(id, senderSequence).between(sender, receiver).number(number).outcome(outcome)
     * .append()}, with the endpoints given by their {@link #endpointId ids}, and without building a draft.
     *
     * @return the event's index
     * @throws IllegalArgumentException if an endpoint id was not obtained from this log
     */
    long appendMessageEvent(EventKind kind, long messageId, long senderSequence, int senderId, int receiverId,
                            int number, Outcome outcome);

    /** Registers a running participant whose state a timeout report prints. */
    void register(LiveState state);
}
