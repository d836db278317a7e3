package dev.courier.tap.internal;

import dev.courier.clone.DataCloneException;
import dev.courier.clone.Difference;
import dev.courier.clone.Fidelity;
import dev.courier.clone.StructuredClone;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Snapshot at send and comparison at delivery, for detecting a message changed while it was queued.
 * Stateless; safe from any thread.
 */
public final class SendSnapshots {

    /**
     * The default comparison: {@link Fidelity#compare} from the snapshot to the delivered message, one line
     * per {@link Difference} with its path; user classes are compared field by field, no {@code equals} needed.
     */
    public static final BiFunction<Object, Object, List<String>> STRUCTURAL = (sent, delivered) ->
            Fidelity.compare(sent, delivered).stream().map(Difference::toString).toList();

    private SendSnapshots() {
    }

    /** A deep copy of a message taken at send, or why none could be taken. */
    public record Snapshot(Object copy, String failure) {
    }

    /** Copies {@code message}; a {@link DataCloneException} becomes the failure text, never thrown. */
    public static Snapshot take(Object message) {
        try {
            return new Snapshot(StructuredClone.copy(message), null);
        } catch (DataCloneException e) {
            return new Snapshot(null, "no snapshot at send: " + e.getMessage());
        }
    }
}
