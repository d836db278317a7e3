package dev.courier.assertions.internal;

import dev.courier.history.internal.DurationText;
import java.time.Duration;
import java.util.Objects;

/**
 * Checks and prints the durations of timeouts; reading them is {@link DurationText#parse(String, String)}'s.
 * Stateless.
 */
public final class Durations {

    private Durations() {
    }

    /** Returns {@code timeout} if it is positive, else throws naming {@code where}. */
    public static Duration requirePositive(Duration timeout, String where) {
        Objects.requireNonNull(timeout, where);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(where + " must be positive, got " + text(timeout));
        }
        return timeout;
    }

    /** "250 ms", "5 s", "1.5 ms": Courier's one duration format ({@link DurationText}). */
    public static String text(Duration duration) {
        return DurationText.of(duration);
    }
}
