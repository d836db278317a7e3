package dev.courier.history.internal;

import dev.courier.history.HistorySnapshot;
import java.util.Arrays;

/**
 * Maps the message ids of one snapshot to dense slots. Ids handed out by {@code nextMessageId()} are a
 * compact range, so the common case is a direct array lookup ({@code id - min}); scattered ids fall
 * back to a hash map.
 *
 * <p>Thread contract: not thread-safe; used by one checker call on one thread.
 */
final class MessageSlots {

    private static final int NONE = -1;

    private final long min;
    private final int[] direct;
    private final LongIntMap hashed;
    private final LongList idsBySlot;
    private int size;

    private MessageSlots(long min, int[] direct, LongIntMap hashed) {
        this.min = min;
        this.direct = direct;
        this.hashed = hashed;
        this.idsBySlot = direct == null ? null : new LongList();
    }

    /** Slots for the message ids in {@code snapshot}, dense when the id range is compact. */
    static MessageSlots of(HistorySnapshot snapshot) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int messageEvents = 0;
        for (int index = 0, size = snapshot.size(); index < size; index++) {
            if (snapshot.kind(index).isMessageEvent()) {
                long id = snapshot.messageId(index);
                min = Math.min(min, id);
                max = Math.max(max, id);
                messageEvents++;
            }
        }
        if (messageEvents == 0) {
            return new MessageSlots(0, new int[0], null);
        }
        long range = max - min + 1;
        if (range > 0 && range <= 2L * messageEvents + 1024) {
            int[] direct = new int[(int) range];
            Arrays.fill(direct, NONE);
            return new MessageSlots(min, direct, null);
        }
        return new MessageSlots(0, null, new LongIntMap(messageEvents / 3 + 16));
    }

    /** The slot of {@code id}, assigning the next one if the id is new. */
    int intern(long id) {
        if (direct == null) {
            int slot = hashed.intern(id);
            size = hashed.size();
            return slot;
        }
        int offset = (int) (id - min);
        int slot = direct[offset];
        if (slot == NONE) {
            slot = size++;
            direct[offset] = slot;
            idsBySlot.add(id);
        }
        return slot;
    }

    /** The slot of {@code id}, or -1 when no event of the snapshot is about it. */
    int find(long id) {
        if (direct == null) {
            return hashed.find(id);
        }
        long offset = id - min;
        return offset < 0 || offset >= direct.length ? NONE : direct[(int) offset];
    }

    /** The message id in {@code slot}. */
    long id(int slot) {
        return direct == null ? hashed.keyAt(slot) : idsBySlot.get(slot);
    }

    int size() {
        return size;
    }
}
