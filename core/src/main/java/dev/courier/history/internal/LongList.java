package dev.courier.history.internal;

import java.util.Arrays;

/**
 * A growable list of primitive {@code long}s (latencies, message ids) without boxing.
 *
 * <p>Thread contract: not thread-safe; filled by one checker call, then read only.
 */
public final class LongList {

    private long[] values = new long[16];
    private int size;

    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public long get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of a list with " + size + " values");
        }
        return values[index];
    }

    public int size() {
        return size;
    }

    /** A copy trimmed to the size. */
    public long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
