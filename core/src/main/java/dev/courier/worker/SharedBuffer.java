package dev.courier.worker;

import dev.courier.clone.SharedByReference;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Memory shared by reference between endpoints ({@code SharedArrayBuffer} in Node): posting it sends the
 * same object, never a copy. Read and write it through {@link #intView()} / {@link #longView()}.
 *
 * <p>It is a {@link SharedByReference} value, which every copying codec passes through as the same object;
 * it must not be put in a transfer list.
 *
 * <p>Thread contract: any thread may use the views at any time. {@code get}/{@code set} are volatile,
 * {@code addAndGet}/{@code compareAndSet} atomic; {@code getPlain}/{@code setPlain} are deliberately
 * non-atomic and unordered, for demonstrating lost updates.
 */
public final class SharedBuffer implements SharedByReference {

    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final ByteBuffer memory;

    private SharedBuffer(int bytes) {
        this.memory = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }

    /** Zero-filled shared memory of {@code bytes} bytes. */
    public static SharedBuffer allocate(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("shared buffer size must not be negative, was " + bytes);
        }
        return new SharedBuffer(bytes);
    }

    public int byteLength() {
        return memory.capacity();
    }

    /** The memory as {@code byteLength() / 4} ints. */
    public IntView intView() {
        return new IntView();
    }

    /** The memory as {@code byteLength() / 8} longs. */
    public LongView longView() {
        return new LongView();
    }

    private int offset(int index, int width) {
        int length = memory.capacity() / width;
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " outside the " + (width == 4 ? "int" : "long")
                    + " view (length " + length + ") of a " + memory.capacity() + "-byte SharedBuffer");
        }
        return index * width;
    }

    @Override
    public String toString() {
        return "SharedBuffer[" + memory.capacity() + " bytes]";
    }

    /** An int view of the shared memory. Thread contract: see {@link SharedBuffer}. */
    public final class IntView {

        private IntView() {
        }

        public int length() {
            return memory.capacity() / 4;
        }

        public int get(int index) {
            return (int) INTS.getVolatile(memory, offset(index, 4));
        }

        public void set(int index, int value) {
            INTS.setVolatile(memory, offset(index, 4), value);
        }

        /** Non-atomic, unordered read. */
        public int getPlain(int index) {
            return (int) INTS.get(memory, offset(index, 4));
        }

        /** Non-atomic, unordered write. */
        public void setPlain(int index, int value) {
            INTS.set(memory, offset(index, 4), value);
        }

        public int addAndGet(int index, int delta) {
            return (int) INTS.getAndAdd(memory, offset(index, 4), delta) + delta;
        }

        public boolean compareAndSet(int index, int expected, int value) {
            return INTS.compareAndSet(memory, offset(index, 4), expected, value);
        }

        /** The buffer this view reads. */
        public SharedBuffer buffer() {
            return SharedBuffer.this;
        }
    }

    /** A long view of the shared memory. Thread contract: see {@link SharedBuffer}. */
    public final class LongView {

        private LongView() {
        }

        public int length() {
            return memory.capacity() / 8;
        }

        public long get(int index) {
            return (long) LONGS.getVolatile(memory, offset(index, 8));
        }

        public void set(int index, long value) {
            LONGS.setVolatile(memory, offset(index, 8), value);
        }

        /** Non-atomic, unordered read. */
        public long getPlain(int index) {
            return (long) LONGS.get(memory, offset(index, 8));
        }

        /** Non-atomic, unordered write. */
        public void setPlain(int index, long value) {
            LONGS.set(memory, offset(index, 8), value);
        }

        public long addAndGet(int index, long delta) {
            return (long) LONGS.getAndAdd(memory, offset(index, 8), delta) + delta;
        }

        public boolean compareAndSet(int index, long expected, long value) {
            return LONGS.compareAndSet(memory, offset(index, 8), expected, value);
        }

        /** The buffer this view reads. */
        public SharedBuffer buffer() {
            return SharedBuffer.this;
        }
    }
}
