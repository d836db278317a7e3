package dev.courier.history;

import dev.courier.history.internal.EventChunk;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The first {@link #size()} events of a {@link DeliveryLog}, frozen. Tests read it through its vocabulary:
 * {@link #select()} for the events of a kind, at an endpoint, from a sender, with a cause or an outcome
 * ({@code snapshot.select().kind(DROPPED).at("worker#1").list()}), {@link #storyOf(long)} for one message's
 * events. Checkers read it column by column ({@link #kind(int)}, {@link #messageId(int)}, ...) without
 * materializing events; {@link #event(int)} builds one {@link DeliveryEvent} when a report needs it.
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

    /** Every event, in append order, that the selection {@link Query} chooses; start with no condition. */
    public Query select() {
        return new Query(null, 0, 0, null, null, 0);
    }

    /** The events of one message, in append order (its story: sent, enqueued, delivered, handled or dropped). */
    public List<DeliveryEvent> storyOf(long messageId) {
        return select().message(messageId).list();
    }

    // The id of label in this snapshot, or -1 when no event names it.
    private int idOf(String label) {
        Objects.requireNonNull(label, "endpoint label");
        for (int id = 1; id < endpointLabels.length && endpointLabels[id] != null; id++) {
            if (endpointLabels[id].equals(label)) {
                return id;
            }
        }
        return -1;
    }

    /**
     * A selection of the snapshot's events: each method adds one condition and returns a new selection, every
     * condition must hold (kinds narrow: only kinds named by every {@code kind} call remain; a second {@code at},
     * {@code from}, {@code cause}, {@code outcome} or {@code message} replaces the first); {@link #list()},
     * {@link #count()}, {@link #first()} and {@link #last()} read it.
     * Reading scans the snapshot's columns and materializes only the events chosen.
     *
     * <p>Thread contract: immutable; any thread.
     */
    public final class Query {

        private final boolean[] kinds;
        private final int receiver;
        private final int sender;
        private final DropCause cause;
        private final Outcome outcome;
        private final long messageId;

        private Query(boolean[] kinds, int receiver, int sender, DropCause cause, Outcome outcome, long messageId) {
            this.kinds = kinds;
            this.receiver = receiver;
            this.sender = sender;
            this.cause = cause;
            this.outcome = outcome;
            this.messageId = messageId;
        }

        /** Only events of one of these kinds. */
        public Query kind(EventKind first, EventKind... more) {
            boolean[] wanted = new boolean[EventKind.values().length];
            wanted[Objects.requireNonNull(first, "kind").ordinal()] = true;
            for (EventKind kind : more) {
                wanted[Objects.requireNonNull(kind, "kind").ordinal()] = true;
            }
            if (kinds != null) {
                for (int i = 0; i < wanted.length; i++) {
                    wanted[i] &= kinds[i];
                }
            }
            return new Query(wanted, receiver, sender, cause, outcome, messageId);
        }

        /**
         * Only events at {@code endpoint}: whose receiver is it (the receiving endpoint of a message event, the
         * worker or port a lifecycle event is about).
         */
        public Query at(String endpoint) {
            return new Query(kinds, idOf(endpoint), sender, cause, outcome, messageId);
        }

        /** Only events whose sender is {@code endpoint}. */
        public Query from(String endpoint) {
            return new Query(kinds, receiver, idOf(endpoint), cause, outcome, messageId);
        }

        /** Only DROPPED events with this cause. */
        public Query cause(DropCause value) {
            return new Query(kinds, receiver, sender, Objects.requireNonNull(value, "cause"), outcome, messageId);
        }

        /** Only events with this outcome (HANDLED OK or THREW, MESSAGE_ERROR ...). */
        public Query outcome(Outcome value) {
            return new Query(kinds, receiver, sender, cause, Objects.requireNonNull(value, "outcome"), messageId);
        }

        /** Only the events of one message. */
        public Query message(long id) {
            if (id <= 0) {
                throw new IllegalArgumentException("message ids start at 1, got " + id);
            }
            return new Query(kinds, receiver, sender, cause, outcome, id);
        }

        /** The chosen events, in append order. */
        public List<DeliveryEvent> list() {
            List<DeliveryEvent> chosen = new ArrayList<>();
            for (int index = 0; index < size; index++) {
                if (matches(index)) {
                    chosen.add(event(index));
                }
            }
            return chosen;
        }

        /** How many events are chosen. */
        public int count() {
            int count = 0;
            for (int index = 0; index < size; index++) {
                if (matches(index)) {
                    count++;
                }
            }
            return count;
        }

        /** The earliest chosen event. */
        public Optional<DeliveryEvent> first() {
            for (int index = 0; index < size; index++) {
                if (matches(index)) {
                    return Optional.of(event(index));
                }
            }
            return Optional.empty();
        }

        /** The latest chosen event. */
        public Optional<DeliveryEvent> last() {
            for (int index = size - 1; index >= 0; index--) {
                if (matches(index)) {
                    return Optional.of(event(index));
                }
            }
            return Optional.empty();
        }

        private boolean matches(int index) {
            if (receiver < 0 || sender < 0) {
                return false;
            }
            EventChunk chunk = chunks[index >>> EventChunk.SHIFT];
            int slot = index & EventChunk.MASK;
            return (kinds == null || kinds[chunk.kind[slot]])
                    && (receiver == 0 || chunk.receiver[slot] == receiver)
                    && (sender == 0 || chunk.sender[slot] == sender)
                    && (cause == null || chunk.cause[slot] == cause.ordinal())
                    && (outcome == null || chunk.outcome[slot] == outcome.ordinal())
                    && (messageId == 0 || chunk.messageId[slot] == messageId);
        }
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
