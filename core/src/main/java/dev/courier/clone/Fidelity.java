package dev.courier.clone;

import dev.courier.clone.internal.FidelityWalker;
import java.util.List;

/**
 * Compares an original value with its copy and lists each {@link Difference}: type or value changes,
 * missing or extra parts, order changes, lost or added aliasing, broken cycles, and copies that are not
 * copies at all ({@link DifferenceKind#NOT_ISOLATED}).
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Iterative: cycles on either side and deep structures are fine; each original object is
 *       compared once.</li>
 *   <li>Floating point is compared bit for bit: NaN equals NaN, {@code -0.0} differs from {@code 0.0}.</li>
 *   <li>Maps are compared by key, lists and arrays by index; an ordered collection (list, array, linked or
 *       sorted set or map) holding the same leaf values in another order is one
 *       {@link DifferenceKind#ORDER_CHANGED}. Unordered sets are compared by membership.</li>
 *   <li>User classes are compared field by field (reflection on user classes only); JDK objects through
 *       their public API: collections by content, throwables by class, message, stack trace, cause and
 *       suppressed, buffers by position, limit, order and content. A JDK object with neither public
 *       state nor equals is compared by class only.</li>
 *   <li>Aliasing is checked for mutable objects only: values structured clone shares (strings, boxed
 *       values, immutable collections and records of such values, like the JDK's one empty list behind
 *       many throwables' suppressed exceptions) may be one object or several on either side.</li>
 *   <li>A transient field that comes back null, zero or false (Java serialization) is
 *       {@link DifferenceKind#MISSING}.</li>
 *   <li>When classes differ ({@link DifferenceKind#TYPE_CHANGED}) but both sides have named parts
 *       (an object and a map, as after a JSON round trip) or both are sequences, the parts are compared
 *       too, so deeper differences are reported with their paths.</li>
 *   <li>Output order is the walk order over the original (fields in declaration order, maps in their
 *       iteration order), deterministic for a given payload.</li>
 * </ul>
 *
 * <p>Thread contract: stateless; a comparison runs on the calling thread, and neither value may be
 * mutated while it runs.
 */
public final class Fidelity {

    private Fidelity() {
    }

    /** The differences between {@code original} and {@code copy}; empty when the copy is faithful. */
    public static List<Difference> compare(Object original, Object copy) {
        return FidelityWalker.compare(original, copy);
    }

    /**
     * Encodes {@code value} with {@code codec}, decodes the result and compares it with {@code value}.
     *
     * @throws DataCloneException    if the codec cannot encode the value
     * @throws IllegalStateException if the codec cannot decode its own output (the cause says why)
     */
    public static List<Difference> roundTrip(Object value, MessageCodec codec) {
        Object wire = codec.encode(value, TransferContext.NONE);
        Object decoded;
        try {
            decoded = codec.decode(wire);
        } catch (Exception e) {
            throw new IllegalStateException("codec " + codec.name() + " could not decode its own output: " + e, e);
        }
        return compare(value, decoded);
    }

    /**
     * A snapshot of {@code payload} for mutation-in-flight detection: a deep structured copy taken now;
     * later {@link Snapshot#mutations()} (or {@code compare(snapshot.copy(), payloadNow)}) lists what
     * changed. Costs one deep copy per call.
     *
     * @throws DataCloneException if the payload cannot be structured-cloned (it cannot be snapshot then)
     */
    public static Snapshot snapshot(Object payload) {
        return new Snapshot(payload, StructuredClone.copy(payload));
    }
}
