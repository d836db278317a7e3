package dev.courier.clone.internal;

/**
 * Copies values of one kind. {@link #start} creates the copy (or arranges for it), registers it with the
 * context, hands it to the sink and schedules the children; it never copies children itself, so no Java
 * recursion follows the payload.
 */
@FunctionalInterface
public interface CopyHandler {

    /** Starts copying {@code original}, found at {@code path}. */
    void start(Object original, PathNode path, Sink sink, CopyContext context);
}
