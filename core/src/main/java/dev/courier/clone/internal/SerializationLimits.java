package dev.courier.clone.internal;

import dev.courier.clone.CloneOptions;
import java.io.ObjectInputFilter;

/**
 * The JEP 290 limits of the Java serialization codec's decode. Defaults: {@code maxdepth=20} (as the JDK's
 * RMI registry filter), {@code maxrefs} and {@code maxarray} no more than the serialized form has bytes (a
 * real array or reference needs at least one byte each, so only a forged length passes that), and
 * {@code maxbytes} the default byte limit of structured clone (a quarter of the heap, at most 512 MiB).
 * Each can be set by naming it among the codec's allow entries, e.g. {@code "maxdepth=100"}.
 *
 * <p>Thread contract: immutable.
 *
 * @param maxDepth  deepest nesting of objects in the stream
 * @param maxRefs   most object references; 0 for the stream's length
 * @param maxArray  longest array; 0 for the stream's length
 * @param maxBytes  longest serialized form
 */
public record SerializationLimits(long maxDepth, long maxRefs, long maxArray, long maxBytes) {

    /** The default nesting limit. */
    public static final long DEFAULT_MAX_DEPTH = 20;

    /** The defaults described above. */
    public static SerializationLimits defaults() {
        return new SerializationLimits(DEFAULT_MAX_DEPTH, 0, 0, CloneOptions.defaults().maxBytes());
    }

    /** These limits with {@code entry} ({@code maxdepth=N}, {@code maxrefs=N}, {@code maxarray=N}, {@code maxbytes=N}) applied. */
    public SerializationLimits with(String entry) {
        int eq = entry.indexOf('=');
        String name = entry.substring(0, eq).trim();
        long value;
        try {
            value = Long.parseLong(entry.substring(eq + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit " + entry + " needs a whole number, e.g. " + name + "=100");
        }
        if (value <= 0) {
            throw new IllegalArgumentException("limit " + entry + " must be positive");
        }
        return switch (name) {
            case "maxdepth" -> new SerializationLimits(value, maxRefs, maxArray, maxBytes);
            case "maxrefs" -> new SerializationLimits(maxDepth, value, maxArray, maxBytes);
            case "maxarray" -> new SerializationLimits(maxDepth, maxRefs, value, maxBytes);
            case "maxbytes" -> new SerializationLimits(maxDepth, maxRefs, maxArray, value);
            default -> throw new IllegalArgumentException("unknown limit " + entry
                    + "; the limits are maxdepth, maxrefs, maxarray and maxbytes");
        };
    }

    /** Whether {@code entry} names a limit rather than a class or package. */
    public static boolean isLimit(String entry) {
        return entry.startsWith("max") && entry.indexOf('=') > 0;
    }

    /** The limit {@code info} exceeds, described, or null. */
    String exceeded(ObjectInputFilter.FilterInfo info, long streamLength) {
        long refs = maxRefs == 0 ? streamLength : maxRefs;
        long array = maxArray == 0 ? streamLength : maxArray;
        if (info.depth() > maxDepth) {
            return "nesting depth " + info.depth() + " exceeds maxdepth=" + maxDepth;
        }
        if (info.references() > refs) {
            return info.references() + " object references exceed maxrefs=" + refs;
        }
        if (info.arrayLength() > array) {
            return "an array of length " + info.arrayLength() + " exceeds maxarray=" + array
                    + (maxArray == 0 ? " (the serialized form has only " + streamLength + " bytes)" : "");
        }
        if (info.streamBytes() > maxBytes) {
            return info.streamBytes() + " bytes read exceed maxbytes=" + maxBytes;
        }
        return null;
    }
}
