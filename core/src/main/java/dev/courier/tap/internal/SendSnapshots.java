package dev.courier.tap.internal;

import dev.courier.clone.DataCloneException;
import dev.courier.clone.Fidelity;

/**
 * Snapshot at send ({@link Fidelity#snapshot}, as workers take theirs), for detecting a message changed while it was queued (compared at delivery with the
 * tap's {@code PayloadComparator}).
 * Stateless; safe from any thread.
 */
public final class SendSnapshots {

    private SendSnapshots() {
    }

    /** A deep copy of a message taken at send, or why none could be taken. */
    public record Snapshot(Object copy, String failure) {
    }

    /** Copies {@code message}; a {@link DataCloneException} becomes the failure text, never thrown. */
    public static Snapshot take(Object message) {
        try {
            return new Snapshot(Fidelity.snapshot(message).copy(), null);
        } catch (DataCloneException e) {
            return new Snapshot(null, "no snapshot at send: " + e.getMessage());
        }
    }
}
