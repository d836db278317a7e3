package dev.courier.clone;

/**
 * Marker for values that are passed by reference by every copying codec: structured clone shares them
 * instead of copying them, and {@link Fidelity} does not report them as {@link DifferenceKind#NOT_ISOLATED}.
 *
 * <p>The runtime's {@code SharedBuffer} implements it: its memory is meant to be seen by both sides, and
 * all access to it goes through atomic views. Implement it only on types that are safe to use from
 * several threads at once.
 */
public interface SharedByReference {
}
