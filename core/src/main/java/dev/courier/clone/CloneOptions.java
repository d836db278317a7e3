package dev.courier.clone;

/**
 * Size limits for one structured clone. Immutable: every option method returns a new instance.
 *
 * <p>{@code maxObjects} counts the objects actually copied (shared immutable values are free);
 * {@code maxBytes} is an estimate of the memory the copy allocates (object headers, one reference or
 * primitive slot per field or element, buffer capacities). Exceeding either limit stops the copy with a
 * {@link DataCloneException} naming the limit, its value and the path where it was exceeded, before the
 * offending allocation is made.
 *
 * <p>Thread contract: immutable, safe to share between threads.
 */
public final class CloneOptions {

    /** Default object limit: ten million copied objects. */
    public static final long DEFAULT_MAX_OBJECTS = 10_000_000L;
    /** The most the default estimated-size limit can be, whatever the heap: 512 MiB. */
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    /** The share of the maximum heap the default byte limit allows: one quarter. */
    public static final int DEFAULT_HEAP_DIVISOR = 4;

    private static final CloneOptions DEFAULTS = new CloneOptions(DEFAULT_MAX_OBJECTS,
            defaultMaxBytes(Runtime.getRuntime().maxMemory()));

    private final long maxObjects;
    private final long maxBytes;

    private CloneOptions(long maxObjects, long maxBytes) {
        this.maxObjects = maxObjects;
        this.maxBytes = maxBytes;
    }

    /**
     * Generous defaults: {@value #DEFAULT_MAX_OBJECTS} objects, and {@link #defaultMaxBytes(long)} of this
     * JVM's maximum heap estimated bytes.
     */
    public static CloneOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The default byte limit for a JVM whose maximum heap is {@code maxHeapBytes}: a quarter of it, at most
     * {@value #DEFAULT_MAX_BYTES}, at least one byte. {@code Long.MAX_VALUE} (no heap limit) gives the cap.
     */
    public static long defaultMaxBytes(long maxHeapBytes) {
        if (maxHeapBytes <= 0 || maxHeapBytes == Long.MAX_VALUE) {
            return DEFAULT_MAX_BYTES;
        }
        return Math.max(1, Math.min(DEFAULT_MAX_BYTES, maxHeapBytes / DEFAULT_HEAP_DIVISOR));
    }

    /** A copy of these options with at most {@code limit} copied objects per clone (positive). */
    public CloneOptions maxObjects(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("maxObjects must be positive, was " + limit);
        }
        return new CloneOptions(limit, maxBytes);
    }

    /** A copy of these options with at most {@code limit} estimated bytes per clone (positive). */
    public CloneOptions maxBytes(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + limit);
        }
        return new CloneOptions(maxObjects, limit);
    }

    /** The object limit. */
    public long maxObjects() {
        return maxObjects;
    }

    /** The estimated-size limit in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public String toString() {
        return "CloneOptions[maxObjects=" + maxObjects + ", maxBytes=" + maxBytes + "]";
    }
}
