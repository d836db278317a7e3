package dev.courier.clone.internal;

/**
 * A child comparison scheduled on a fidelity walk: an original part, the copy's part met with it, the path
 * they are at and whether the original's field is transient.
 *
 * <p>Thread contract: immutable.
 */
record PartPair(Object original, Object copy, PathNode path, boolean transientField) {
}
