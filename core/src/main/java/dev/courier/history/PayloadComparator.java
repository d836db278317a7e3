package dev.courier.history;

import dev.courier.clone.Difference;
import dev.courier.clone.Fidelity;
import java.util.List;
import java.util.Objects;

/**
 * Compares a sent payload with the delivered one for {@link Checks#fidelity(HistorySnapshot, PayloadComparator)}.
 * Implementations must be pure and safe to call from any thread.
 */
@FunctionalInterface
public interface PayloadComparator {

    /** One description per difference ("$.items[2]: TYPE_CHANGED ..."); empty when the copy is faithful. */
    List<String> compare(Object sent, Object delivered);

    /**
     * The structural comparator, and the default of {@link Checks#fidelity(HistorySnapshot)}: {@link
     * Fidelity#compare} walks both payloads (user classes field by field, no {@code equals} needed) and each
     * {@link Difference} becomes one line, e.g. {@code $.items[2]: TYPE_CHANGED expected java.util.Date but
     * was java.lang.String}. A payload delivered as the very object that was sent (a sharing codec) is one
     * {@code NOT_ISOLATED} difference.
     */
    static PayloadComparator fidelity() {
        return (sent, delivered) -> Fidelity.compare(sent, delivered).stream().map(Difference::toString).toList();
    }

    /**
     * A shallow comparator: same class and {@link Objects#deepEquals} at the root. It cannot see aliasing,
     * nested type changes or isolation; prefer a structural comparator when one is available.
     */
    static PayloadComparator equality() {
        return (sent, delivered) -> {
            if (sent == null && delivered == null) {
                return List.of();
            }
            if (sent == null || delivered == null || sent.getClass() != delivered.getClass()) {
                return List.of("$: TYPE_CHANGED expected " + className(sent) + " but was " + className(delivered));
            }
            return Objects.deepEquals(sent, delivered) ? List.of()
                    : List.of("$: VALUE_CHANGED expected " + sent + " but was " + delivered);
        };
    }

    private static String className(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
