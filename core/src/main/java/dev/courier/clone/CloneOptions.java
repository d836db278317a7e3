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
    /** Default estimated-size limit: 512 MiB. */
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    private static final CloneOptions DEFAULTS = new CloneOptions(DEFAULT_MAX_OBJECTS, DEFAULT_MAX_BYTES);

    private final long maxObjects;
    private final long maxBytes;

    private CloneOptions(long maxObjects, long maxBytes) {
        this.maxObjects = maxObjects;
        this.maxBytes = maxBytes;
    }

    /** Generous defaults: {@value #DEFAULT_MAX_OBJECTS} objects, 512 MiB estimated. */
    public static CloneOptions defaults() {
        return DEFAULTS;
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
