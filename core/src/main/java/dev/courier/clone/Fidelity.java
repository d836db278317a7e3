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
 *   <li>Polynomial: elements of unordered sets and object keys of maps that equals cannot match are
 *       bucketed by a structural hash (classes, leaf values and field names a few levels down), and only
 *       values of one bucket are compared with each other, each pair once. A bucket holding one original
 *       and one copy value pairs them directly, so a difference deeper down is reported at its own path.
 *       An element or key whose {@code equals} or {@code hashCode} throws is matched by structure alone.</li>
 *   <li>Bounded: a comparison takes at most {@value #DEFAULT_MAX_STEPS} steps (values visited and hashed)
 *       unless given another budget; past it, it ends with an {@link IllegalStateException} that names the
 *       budget and the path reached, instead of running on.</li>
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

    /** The default step budget of {@link #compare(Object, Object)}. */
    public static final long DEFAULT_MAX_STEPS = FidelityWalker.DEFAULT_MAX_STEPS;

    private Fidelity() {
    }

    /**
     * The differences between {@code original} and {@code copy}; empty when the copy is faithful.
     *
     * @throws IllegalStateException when the comparison needs more than {@value #DEFAULT_MAX_STEPS} steps
     */
    public static List<Difference> compare(Object original, Object copy) {
        return FidelityWalker.compare(original, copy);
    }

    /**
     * The differences between {@code original} and {@code copy}, within a budget of {@code maxSteps} steps
     * (positive; each value visited or hashed is one step).
     *
     * @throws IllegalStateException when the comparison needs more steps than that
     */
    public static List<Difference> compare(Object original, Object copy, long maxSteps) {
        return FidelityWalker.compare(original, copy, maxSteps);
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
