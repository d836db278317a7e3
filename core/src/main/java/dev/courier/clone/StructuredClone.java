package dev.courier.clone;

import dev.courier.clone.internal.CloneEngine;

/**
 * Deep copy with the semantics of the HTML structured clone algorithm (what Node's {@code postMessage}
 * does), adapted to Java. The ports' default codec ({@link Codecs#structuredClone()}) uses it.
 *
 * <h2>What is copied and how</h2>
 * <ul>
 *   <li><b>Shared, not copied (C1)</b>: {@code String}, boxed primitives, {@code BigInteger},
 *       {@code BigDecimal}, enum constants, {@code java.time} values, {@code UUID}, {@code Locale},
 *       {@code URI}, {@code Pattern}, {@code OptionalInt/Long/Double}, {@code Class} objects (they name
 *       code, they carry no message data), records whose components are all immutable (decided once per
 *       record class from the component types, or per value when every component comes back shared),
 *       and any {@link SharedByReference} value such as the runtime's {@code SharedBuffer}.</li>
 *   <li><b>Topology (C2)</b>: an object reached twice is copied once; cycles come back as cycles.</li>
 *   <li><b>Concrete types (C3)</b>: {@code ArrayList}, {@code LinkedList}, {@code ArrayDeque},
 *       {@code Vector}, {@code Stack}, {@code HashMap}, {@code LinkedHashMap} (insertion or access order),
 *       {@code TreeMap} / {@code TreeSet} / {@code ConcurrentSkipListMap} / {@code ConcurrentSkipListSet}
 *       / {@code PriorityQueue} (with their comparator), {@code HashSet}, {@code LinkedHashSet},
 *       {@code Hashtable}, {@code IdentityHashMap}, {@code EnumMap}, {@code EnumSet},
 *       {@code ConcurrentHashMap}, {@code CopyOnWriteArrayList} / {@code CopyOnWriteArraySet}, concurrent
 *       and blocking queues (capacity kept), {@code Arrays.asList} lists, {@code Collections.unmodifiableX}
 *       and {@code Collections.synchronizedX} wrappers (a wrapper of the same kind around a copy of the
 *       wrapped collection, whose own class is kept), {@code List.of} / {@code Set.of} / {@code Map.of}
 *       and {@code Collections.singletonX} results (they stay immutable), {@code Optional}, map entries,
 *       arrays of every component type (multi-dimensional too), {@code ByteBuffer} heap or direct
 *       (position, limit, byte order, read-only flag and content; not the mark), {@code Date},
 *       {@code BitSet}, atomics, and throwables (class, message, stack trace, cause chain, suppressed
 *       exceptions and user fields). JDK classes are handled through their public API, never by
 *       reflection into {@code java.base}: no {@code --add-opens} is ever needed. Other {@code Serializable}
 *       JDK types are copied by a serialization round trip; views ({@code keySet()}, {@code subList()})
 *       and other JDK types are rejected.</li>
 *   <li><b>User classes (C4)</b>: records through their canonical constructor; other classes field by
 *       field without running any constructor, private final fields and superclass fields included, the
 *       subclass kept. Transient fields are copied too: structured clone is not serialization. A user
 *       class extending a cloneable JDK collection or map is copied through the collection's public
 *       {@code clone()} plus its own fields. Copy plans are cached per class.</li>
 *   <li><b>Not cloneable (C5)</b>: lambdas and method references, anonymous classes implementing a
 *       functional interface ({@code new Runnable() {...}}, an anonymous {@code Comparator}: an interface
 *       annotated {@code @FunctionalInterface}, or a user interface with one abstract method; they are code with
 *       captured state, often their enclosing instance; a named class implementing such an interface is data
 *       and is copied field by field, and an anonymous subclass of a collection stays a collection), dynamic
 *       proxies, threads, locks and
 *       synchronizers, executors, futures, I/O streams, readers, writers, channels and sockets, streams
 *       of {@code java.util.stream}, class loaders, weak/soft/phantom references, iterators. A sorted
 *       collection's comparator follows the same rules, except {@code Comparator.naturalOrder()},
 *       {@code Collections.reverseOrder()} and {@code String.CASE_INSENSITIVE_ORDER}, which are shared.
 *       A {@link Transferable} found outside the transfer list is copied with
 *       {@link Transferable#copyForClone()}, or rejected if it is transfer-only (a message port).</li>
 *   <li><b>No recursion limit (C6)</b>: the walk uses an explicit work stack, so a million-deep linked
 *       structure clones; {@link CloneOptions} limits objects and estimated bytes.</li>
 * </ul>
 *
 * <h2>Paths</h2>
 * A {@link DataCloneException} names where the problem is, starting at {@code $} (the payload): a field or
 * record component is {@code .name}, a list, array or collection element {@code [i]} (iteration order for
 * collections), a map value {@code .key} for string keys that look like identifiers, {@code ["a key"]} for
 * other strings, {@code [key]} for numbers, enums, UUIDs and times, {@code [#i]} (the i-th entry) for other
 * keys; a map key itself is {@code .keySet()[#i]}; a comparator {@code .comparator()}; an {@code Optional}'s
 * value {@code .get()}; a throwable's {@code .cause} and {@code .suppressed[i]}. Example:
 * {@code $.jobs[2].callback}.
 *
 * <h2>Limits</h2>
 * A cycle through a record, an immutable collection, an {@code Optional} or a wrapper cannot be rebuilt
 * (such values are built from parts that would have to exist first) and is rejected. Keys of hash- and
 * tree-based collections that lie on a cycle back to their own collection are inserted before their
 * copy is complete, as with Java serialization.
 *
 * <p>Thread contract: stateless and thread-safe; a copy runs entirely on the calling thread, which must
 * not mutate the payload meanwhile.
 */
public final class StructuredClone {

    private StructuredClone() {
    }

    /** A deep copy of {@code value} with default limits. */
    public static <T> T copy(T value) {
        return copy(value, TransferContext.NONE, CloneOptions.defaults());
    }

    /** A deep copy of {@code value}, with transferred values replaced by their stand-ins. */
    public static <T> T copy(T value, TransferContext transfers) {
        return copy(value, transfers, CloneOptions.defaults());
    }

    /** A deep copy of {@code value} within the given limits. */
    public static <T> T copy(T value, CloneOptions options) {
        return copy(value, TransferContext.NONE, options);
    }

    /**
     * A deep copy of {@code value}, with transferred values replaced by their stand-ins, within the given
     * limits.
     *
     * @throws DataCloneException if some part of the value cannot be cloned or a limit is exceeded
     */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T value, TransferContext transfers, CloneOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null (use CloneOptions.defaults())");
        }
        return (T) CloneEngine.copy(value, transfers, options);
    }
}
