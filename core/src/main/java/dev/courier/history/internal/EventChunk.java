package dev.courier.history.internal;

/**
 * A fixed-size block of events stored column by column, so that checkers scan primitive arrays and a
 * message without payload costs a few dozen bytes.
 *
 * <p>Thread contract: written only by the appender holding the owning log's lock; readers see a slot only
 * after the log has published a size that covers it (volatile write after the slot writes).
 */
public final class EventChunk {

    public static final int SHIFT = 12;
    public static final int SIZE = 1 << SHIFT;
    public static final int MASK = SIZE - 1;

    public final byte[] kind = new byte[SIZE];
    public final byte[] cause = new byte[SIZE];
    public final byte[] outcome = new byte[SIZE];
    public final long[] time = new long[SIZE];
    public final long[] messageId = new long[SIZE];
    public final long[] sequence = new long[SIZE];
    public final int[] sender = new int[SIZE];
    public final int[] receiver = new int[SIZE];
    public final int[] number = new int[SIZE];
    /** Sparse side data (detail, error, payload); allocated on first use. */
    public Extras[] extras;

    /** Detail text, error and payload of one event; most events have none. */
    public record Extras(String detail, Throwable error, Object payload) {
    }

    /** Writes the fixed-size columns of one event (the caller holds the log's lock). */
    public void write(int slot, byte kindOrdinal, byte causeOrdinal, byte outcomeOrdinal, long timeNanos, long id,
                      long senderSequence, int senderId, int receiverId, int value) {
        kind[slot] = kindOrdinal;
        cause[slot] = causeOrdinal;
        outcome[slot] = outcomeOrdinal;
        time[slot] = timeNanos;
        messageId[slot] = id;
        sequence[slot] = senderSequence;
        sender[slot] = senderId;
        receiver[slot] = receiverId;
        number[slot] = value;
    }

    public Extras extras(int slot) {
        Extras[] all = extras;
        return all == null ? null : all[slot];
    }

    public void putExtras(int slot, Extras value) {
        if (extras == null) {
            extras = new Extras[SIZE];
        }
        extras[slot] = value;
    }
}
