package dev.courier.history.internal;

import java.util.Arrays;

/**
 * Interns {@code long} keys to dense indexes 0, 1, 2, ... in first-seen order, with open addressing
 * and linear probing: no boxing, one array probe per lookup in the common case.
 *
 * <p>Thread contract: not thread-safe; used by one checker call on one thread.
 */
public final class LongIntMap {

    private long[] keys;
    private int[] values;
    private long[] keysBySlot;
    private int mask;
    private int size;

    /** A map sized for about {@code expected} keys without rehashing. */
    public LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
        keysBySlot = new long[Math.max(16, expected)];
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, -1);
        mask = capacity - 1;
    }

    private static int hash(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32));
    }

    /** The index of {@code key}, or -1 if it was never interned. */
    public int find(long key) {
        int bucket = hash(key) & mask;
        while (true) {
            int value = values[bucket];
            if (value < 0 || keys[bucket] == key) {
                return value;
            }
            bucket = (bucket + 1) & mask;
        }
    }

    /** The index of {@code key}, interning it with the next free index if it is new. */
    public int intern(long key) {
        int bucket = hash(key) & mask;
        while (true) {
            int value = values[bucket];
            if (value < 0) {
                break;
            }
            if (keys[bucket] == key) {
                return value;
            }
            bucket = (bucket + 1) & mask;
        }
        int index = size++;
        keys[bucket] = key;
        values[bucket] = index;
        if (index == keysBySlot.length) {
            keysBySlot = Arrays.copyOf(keysBySlot, index * 2);
        }
        keysBySlot[index] = key;
        if (size * 2 > values.length) {
            grow();
        }
        return index;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldValues.length * 2);
        for (int bucket = 0; bucket < oldValues.length; bucket++) {
            if (oldValues[bucket] >= 0) {
                int target = hash(oldKeys[bucket]) & mask;
                while (values[target] >= 0) {
                    target = (target + 1) & mask;
                }
                keys[target] = oldKeys[bucket];
                values[target] = oldValues[bucket];
            }
        }
    }

    /** The key interned at {@code index}. */
    public long keyAt(int index) {
        return keysBySlot[index];
    }

    /** How many keys are interned. */
    public int size() {
        return size;
    }
}
