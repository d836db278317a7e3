package dev.courier.clone.internal;

/** Receives the copy of one value, as soon as that copy exists (possibly before it is filled). */
@FunctionalInterface
public interface Sink {

    /** Takes the copy. */
    void accept(Object copy);
}
