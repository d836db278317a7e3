package dev.courier.history;

import dev.courier.history.internal.EventChunk;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The first {@link #size()} events of a {@link DeliveryLog}, frozen. Checkers read it column by column
 * ({@link #kind(int)}, {@link #messageId(int)}, ...) without materializing events; {@link #event(int)}
 * builds one {@link DeliveryEvent} when a report needs it.
 *
 * <p>Thread contract: immutable as far as its readers can tell; safe to read from any thread. The log
 * never rewrites a slot below a published size.
 */
public final class HistorySnapshot {

    private final EventChunk[] chunks;
    private final String[] endpointLabels;
    private final int size;

    HistorySnapshot(EventChunk[] chunks, String[] endpointLabels, int size) {
        this.chunks = chunks;
        this.endpointLabels = endpointLabels;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    private EventChunk chunk(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("event " + index + " of a snapshot with " + size + " events");
        }
        return chunks[index >>> EventChunk.SHIFT];
    }

    public EventKind kind(int index) {
        return EventKind.ofOrdinal(chunk(index).kind[index & EventChunk.MASK]);
    }

    public long timeNanos(int index) {
        return chunk(index).time[index & EventChunk.MASK];
    }

    public long messageId(int index) {
        return chunk(index).messageId[index & EventChunk.MASK];
    }

    public long sequence(int index) {
        return chunk(index).sequence[index & EventChunk.MASK];
    }

    /** Interned sender id: 0 for none; equal ids mean equal labels. See {@link #endpointLabel(int)}. */
    public int senderId(int index) {
        return chunk(index).sender[index & EventChunk.MASK];
    }

    /** Interned receiver id: 0 for none. */
    public int receiverId(int index) {
        return chunk(index).receiver[index & EventChunk.MASK];
    }

    /** The label for an interned endpoint id, or null for id 0. */
    public String endpointLabel(int endpointId) {
        return endpointId == 0 ? null : endpointLabels[endpointId];
    }

    /** One more than the largest endpoint id used in this snapshot: size arrays indexed by endpoint id with it. */
    public int endpointIdBound() {
        int bound = 1;
        while (bound < endpointLabels.length && endpointLabels[bound] != null) {
            bound++;
        }
        return bound;
    }

    public String sender(int index) {
        return endpointLabel(senderId(index));
    }

    public String receiver(int index) {
        return endpointLabel(receiverId(index));
    }

    public int number(int index) {
        return chunk(index).number[index & EventChunk.MASK];
    }

    public DropCause cause(int index) {
        return DropCause.ofOrdinal(chunk(index).cause[index & EventChunk.MASK]);
    }

    public Outcome outcome(int index) {
        return Outcome.ofOrdinal(chunk(index).outcome[index & EventChunk.MASK]);
    }

    public String detail(int index) {
        EventChunk.Extras extras = chunk(index).extras(index & EventChunk.MASK);
        return extras == null ? null : extras.detail();
    }

    public Throwable error(int index) {
        EventChunk.Extras extras = chunk(index).extras(index & EventChunk.MASK);
        return extras == null ? null : extras.error();
    }

    public Object payload(int index) {
        EventChunk.Extras extras = chunk(index).extras(index & EventChunk.MASK);
        return extras == null ? null : extras.payload();
    }

    /** Materializes one event. */
    public DeliveryEvent event(int index) {
        EventChunk chunk = chunk(index);
        int slot = index & EventChunk.MASK;
        EventChunk.Extras extras = chunk.extras(slot);
        return new DeliveryEvent(index, EventKind.ofOrdinal(chunk.kind[slot]), chunk.time[slot],
                chunk.messageId[slot], endpointLabel(chunk.sender[slot]), endpointLabel(chunk.receiver[slot]),
                chunk.sequence[slot], chunk.number[slot], DropCause.ofOrdinal(chunk.cause[slot]),
                Outcome.ofOrdinal(chunk.outcome[slot]), extras == null ? null : extras.detail(),
                extras == null ? null : extras.error(), extras == null ? null : extras.payload());
    }

    /** A lazy list view; each {@code get} materializes one event. */
    public List<DeliveryEvent> events() {
        return new EventList();
    }

    /** How many events of the given kind. */
    public int count(EventKind kind) {
        byte wanted = (byte) kind.ordinal();
        int count = 0;
        for (int index = 0; index < size; index++) {
            if (chunks[index >>> EventChunk.SHIFT].kind[index & EventChunk.MASK] == wanted) {
                count++;
            }
        }
        return count;
    }

    private final class EventList extends AbstractList<DeliveryEvent> implements RandomAccess {
        @Override
        public DeliveryEvent get(int index) {
            return event(index);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
