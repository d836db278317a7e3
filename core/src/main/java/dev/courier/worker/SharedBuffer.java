package dev.courier.worker;

import dev.courier.clone.SharedByReference;
import dev.courier.history.DeliveryLog;
import dev.courier.worker.internal.SharedAccessRecorder;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Memory shared by reference between endpoints ({@code SharedArrayBuffer} in Node): posting it sends the
 * same object, never a copy. Read and write it through {@link #intView()} / {@link #longView()}.
 *
 * <p>It is a {@link SharedByReference} value, which every copying codec passes through as the same object;
 * it must not be put in a transfer list.
 *
 * <p>A buffer allocated with a log ({@link #allocate(int, DeliveryLog, String)}) records every access of its views
 * into it: reads as SHARED_READ, {@code set}/{@code setPlain} as SHARED_WRITE, {@code addAndGet} and a successful
 * {@code compareAndSet} as SHARED_ATOMIC_UPDATE, each about the view ({@code shared:<name>.int} or {@code .long})
 * from the accessing thread, so {@code Checks.lostUpdates} and {@code Checks.diagnose} can report a
 * read-modify-write another thread's write interleaved (LOST_UPDATE). A buffer allocated without a log records
 * nothing and costs nothing extra. Indexes are compared per view: read one region through one view.
 *
 * <p>Thread contract: any thread may use the views at any time. {@code get}/{@code set} are volatile,
 * {@code addAndGet}/{@code compareAndSet} atomic; {@code getPlain}/{@code setPlain} are deliberately
 * non-atomic and unordered, for demonstrating lost updates. Recording appends to the log's lock-guarded history
 * next to each access (reads after, writes before), so a recorded order is one the accesses could have had.
 */
public final class SharedBuffer implements SharedByReference {

    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private static final AtomicInteger UNNAMED = new AtomicInteger();

    private final ByteBuffer memory;
    /** Null when the buffer records nothing. */
    private final SharedAccessRecorder recorder;

    private SharedBuffer(int bytes, SharedAccessRecorder recorder) {
        this.memory = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        this.recorder = recorder;
    }

    /** Zero-filled shared memory of {@code bytes} bytes that records nothing. */
    public static SharedBuffer allocate(int bytes) {
        return new SharedBuffer(requireSize(bytes), null);
    }

    /**
     * Zero-filled shared memory of {@code bytes} bytes whose views record every access into {@code log}, as the
     * views {@code shared:<name>.int} and {@code shared:<name>.long}.
     *
     * @throws IllegalArgumentException if the size is negative or the name blank
     */
    public static SharedBuffer allocate(int bytes, DeliveryLog log, String name) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("shared buffer name must not be blank");
        }
        return new SharedBuffer(requireSize(bytes), new SharedAccessRecorder(log, name));
    }

    /** As {@link #allocate(int, DeliveryLog, String)}, named {@code buffer-<n>} (unique in this JVM). */
    public static SharedBuffer allocate(int bytes, DeliveryLog log) {
        return allocate(bytes, log, "buffer-" + UNNAMED.incrementAndGet());
    }

    private static int requireSize(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("shared buffer size must not be negative, was " + bytes);
        }
        return bytes;
    }

    /** Whether this buffer records its accesses into a log. */
    public boolean isRecording() {
        return recorder != null;
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
        return "SharedBuffer[" + memory.capacity() + " bytes" + (recorder == null ? "" : ", recording as "
                + recorder.label(false).substring(0, recorder.label(false).length() - ".int".length())) + "]";
    }

    /** An int view of the shared memory. Thread contract: see {@link SharedBuffer}. */
    public final class IntView {

        private IntView() {
        }

        public int length() {
            return memory.capacity() / 4;
        }

        public int get(int index) {
            int value = (int) INTS.getVolatile(memory, offset(index, 4));
            if (recorder != null) {
                recorder.read(false, index, value);
            }
            return value;
        }

        public void set(int index, int value) {
            int at = offset(index, 4);
            if (recorder != null) {
                recorder.write(false, index, value);
            }
            INTS.setVolatile(memory, at, value);
        }

        /** Non-atomic, unordered read. */
        public int getPlain(int index) {
            int value = (int) INTS.get(memory, offset(index, 4));
            if (recorder != null) {
                recorder.read(false, index, value);
            }
            return value;
        }

        /** Non-atomic, unordered write. */
        public void setPlain(int index, int value) {
            int at = offset(index, 4);
            if (recorder != null) {
                recorder.write(false, index, value);
            }
            INTS.set(memory, at, value);
        }

        public int addAndGet(int index, int delta) {
            int value = (int) INTS.getAndAdd(memory, offset(index, 4), delta) + delta;
            if (recorder != null) {
                recorder.atomicUpdate(false, index, value);
            }
            return value;
        }

        public boolean compareAndSet(int index, int expected, int value) {
            boolean set = INTS.compareAndSet(memory, offset(index, 4), expected, value);
            if (set && recorder != null) {
                recorder.atomicUpdate(false, index, value);
            }
            return set;
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
            long value = (long) LONGS.getVolatile(memory, offset(index, 8));
            if (recorder != null) {
                recorder.read(true, index, value);
            }
            return value;
        }

        public void set(int index, long value) {
            int at = offset(index, 8);
            if (recorder != null) {
                recorder.write(true, index, value);
            }
            LONGS.setVolatile(memory, at, value);
        }

        /** Non-atomic, unordered read. */
        public long getPlain(int index) {
            long value = (long) LONGS.get(memory, offset(index, 8));
            if (recorder != null) {
                recorder.read(true, index, value);
            }
            return value;
        }

        /** Non-atomic, unordered write. */
        public void setPlain(int index, long value) {
            int at = offset(index, 8);
            if (recorder != null) {
                recorder.write(true, index, value);
            }
            LONGS.set(memory, at, value);
        }

        public long addAndGet(int index, long delta) {
            long value = (long) LONGS.getAndAdd(memory, offset(index, 8), delta) + delta;
            if (recorder != null) {
                recorder.atomicUpdate(true, index, value);
            }
            return value;
        }

        public boolean compareAndSet(int index, long expected, long value) {
            boolean set = LONGS.compareAndSet(memory, offset(index, 8), expected, value);
            if (set && recorder != null) {
                recorder.atomicUpdate(true, index, value);
            }
            return set;
        }

        /** The buffer this view reads. */
        public SharedBuffer buffer() {
            return SharedBuffer.this;
        }
    }
}
