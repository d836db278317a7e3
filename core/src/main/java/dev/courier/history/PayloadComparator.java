package dev.courier.history;

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
