package dev.courier.tap.internal;

import dev.courier.clone.DataCloneException;
import dev.courier.clone.StructuredClone;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Snapshot at send and comparison at delivery, for detecting a message changed while it was queued.
 * Stateless; safe from any thread.
 */
public final class SendSnapshots {

    /** The default comparison: {@code Objects.deepEquals}, for types with value equality. */
    public static final BiFunction<Object, Object, List<String>> EQUALITY = SendSnapshots::equality;

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

    private static List<String> equality(Object sent, Object delivered) {
        if (Objects.deepEquals(sent, delivered) || !hasValueEquality(sent)) {
            return List.of();
        }
        return List.of("payload changed between send and delivery: sent " + text(sent)
                + " but delivered " + text(delivered));
    }

    // Without an equals override a copy never equals its original, so equality cannot judge it.
    private static boolean hasValueEquality(Object value) {
        if (value == null || value.getClass().isArray()) {
            return true;
        }
        try {
            return value.getClass().getMethod("equals", Object.class).getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException impossible) {
            return false;
        }
    }

    private static String text(Object value) {
        // deepToString also prints primitive arrays by content; strip the wrapper's brackets.
        String wrapped = Arrays.deepToString(new Object[] {value});
        return wrapped.substring(1, wrapped.length() - 1);
    }
}
