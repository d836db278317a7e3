package dev.courier.clone;

/** What kind of mismatch a {@link Difference} between an original and its copy is. */
public enum DifferenceKind {
    /** The copy's value has another class than the original's (e.g. {@code Date} became {@code String}). */
    TYPE_CHANGED,
    /** Same class, different value (floating point compared bit for bit, NaN equal to NaN). */
    VALUE_CHANGED,
    /** A field, key or element of the original is absent or null/zero in the copy. */
    MISSING,
    /** The copy has a key, element or non-null value the original does not have. */
    EXTRA,
    /** An ordered collection holds the same elements in another order. */
    ORDER_CHANGED,
    /** One object reached twice in the original is two distinct objects in the copy. */
    ALIASING_LOST,
    /** Two distinct objects of the original are one object in the copy. */
    ALIASING_ADDED,
    /** A cycle of the original is not a cycle in the copy. */
    CYCLE_BROKEN,
    /** The copy is the very same mutable object as the original (immutable and shared values excepted). */
    NOT_ISOLATED
}
