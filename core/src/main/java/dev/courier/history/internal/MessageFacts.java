package dev.courier.history.internal;

import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import java.util.Arrays;

/**
 * Where each message's life events sit in one snapshot: the index of its first SENT, ENQUEUED,
 * DELIVERED, HANDLED, DROPPED and MESSAGE_ERROR event (-1 when absent) and how often it was DELIVERED. Built in one
 * linear pass over the columns; every message checker reads it instead of scanning again.
 *
 * <p>Thread contract: built and read by one checker call; immutable once {@link #of} returns.
 */
public final class MessageFacts {

    private final HistorySnapshot snapshot;
    private final MessageSlots slots;
    private int[] sent;
    private int[] enqueued;
    private int[] delivered;
    private int[] deliveredCount;
    private int[] handled;
    private int[] dropped;
    private int[] messageError;

    private MessageFacts(HistorySnapshot snapshot, MessageSlots slots) {
        this.snapshot = snapshot;
        this.slots = slots;
        allocate(64);
    }

    /** The facts of every message in {@code snapshot}. */
    public static MessageFacts of(HistorySnapshot snapshot) {
        MessageFacts facts = new MessageFacts(snapshot, MessageSlots.of(snapshot));
        for (int index = 0, size = snapshot.size(); index < size; index++) {
            EventKind kind = snapshot.kind(index);
            if (kind.isMessageEvent() && kind != EventKind.CLONE_FAILED) {
                facts.note(kind, index);
            }
        }
        return facts;
    }

    private void note(EventKind kind, int index) {
        int slot = slots.intern(snapshot.messageId(index));
        if (slot == sent.length) {
            allocate(slot * 2);
        }
        switch (kind) {
            case SENT -> first(sent, slot, index);
            case ENQUEUED -> first(enqueued, slot, index);
            case DELIVERED -> {
                first(delivered, slot, index);
                deliveredCount[slot]++;
            }
            case HANDLED -> first(handled, slot, index);
            case DROPPED -> first(dropped, slot, index);
            case MESSAGE_ERROR -> first(messageError, slot, index);
            default -> {
                // MUTATED_IN_FLIGHT only makes the message known.
            }
        }
    }

    private static void first(int[] column, int slot, int index) {
        if (column[slot] < 0) {
            column[slot] = index;
        }
    }

    private void allocate(int capacity) {
        int old = sent == null ? 0 : sent.length;
        sent = grown(sent, capacity, old);
        enqueued = grown(enqueued, capacity, old);
        delivered = grown(delivered, capacity, old);
        handled = grown(handled, capacity, old);
        dropped = grown(dropped, capacity, old);
        messageError = grown(messageError, capacity, old);
        deliveredCount = deliveredCount == null ? new int[capacity] : Arrays.copyOf(deliveredCount, capacity);
    }

    private static int[] grown(int[] column, int capacity, int old) {
        int[] bigger = column == null ? new int[capacity] : Arrays.copyOf(column, capacity);
        Arrays.fill(bigger, old, capacity, -1);
        return bigger;
    }

    public HistorySnapshot snapshot() {
        return snapshot;
    }

    /** Number of distinct messages; slots run from 0 in order of first appearance. */
    public int messages() {
        return slots.size();
    }

    /** The slot of a message id, or -1. */
    public int slotOf(long messageId) {
        return slots.find(messageId);
    }

    public long id(int slot) {
        return slots.id(slot);
    }

    public int sentIndex(int slot) {
        return sent[slot];
    }

    public int enqueuedIndex(int slot) {
        return enqueued[slot];
    }

    public int deliveredIndex(int slot) {
        return delivered[slot];
    }

    public int deliveredCount(int slot) {
        return deliveredCount[slot];
    }

    public int handledIndex(int slot) {
        return handled[slot];
    }

    public int droppedIndex(int slot) {
        return dropped[slot];
    }

    /** The index of the message's first MESSAGE_ERROR (it reached its receiver but could not be decoded), or -1. */
    public int messageErrorIndex(int slot) {
        return messageError[slot];
    }

    /** The event that best describes the message: its SENT, else its first DELIVERED, else any. */
    public int describingIndex(int slot) {
        if (sent[slot] >= 0) {
            return sent[slot];
        }
        if (delivered[slot] >= 0) {
            return delivered[slot];
        }
        return Math.max(enqueued[slot], Math.max(dropped[slot], handled[slot]));
    }
}
