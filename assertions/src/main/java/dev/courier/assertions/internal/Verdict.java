package dev.courier.assertions.internal;

import java.util.Objects;

/**
 * The outcome of one check against one snapshot: the value the check found (a report, an anomaly, a
 * count) and, when it does not hold, the failure text. A {@linkplain #isSettled() settled} failure cannot
 * turn into a pass with more events (e.g. more deliveries than expected), so waiting stops early. Immutable.
 *
 * @param value   what the check found, possibly null
 * @param failure the failure text, or null when the check holds
 * @param settled whether more events cannot change the outcome
 * @param <V>     the type of the value
 */
public record Verdict<V>(V value, String failure, boolean settled) {

    /** The check holds. */
    public static <V> Verdict<V> holds(V value) {
        return new Verdict<>(value, null, true);
    }

    /** The check does not hold yet; more events may change that. */
    public static <V> Verdict<V> fails(V value, String failure) {
        return new Verdict<>(value, Objects.requireNonNull(failure, "failure"), false);
    }

    /** The check does not hold and no further event can change that. */
    public static <V> Verdict<V> failsForGood(V value, String failure) {
        return new Verdict<>(value, Objects.requireNonNull(failure, "failure"), true);
    }

    /** Whether the check holds. */
    public boolean isHeld() {
        return failure == null;
    }

    /** The same outcome with another failure text (used to append the state at a timeout). */
    public Verdict<V> withFailure(String text) {
        return new Verdict<>(value, Objects.requireNonNull(text, "text"), settled);
    }
}
