package dev.courier.assertions.internal;

import dev.courier.history.internal.DurationText;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads and prints durations for timeouts: {@code 500ms}, {@code 5s}, {@code 2m}, a bare number of
 * milliseconds, or ISO-8601 ({@code PT5S}). Stateless.
 */
public final class Durations {

    private Durations() {
    }

    /**
     * Parses a timeout.
     *
     * @param text  the text to read
     * @param where what the text comes from, for the error message (e.g. a property name)
     * @throws IllegalArgumentException naming {@code where} and the text when it is not a positive duration
     */
    public static Duration parse(String text, String where) {
        String trimmed = Objects.requireNonNull(text, where).trim().toLowerCase(Locale.ROOT);
        Duration parsed;
        try {
            if (trimmed.startsWith("pt")) {
                parsed = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } else if (trimmed.endsWith("ms")) {
                parsed = Duration.ofMillis(Long.parseLong(trimmed.substring(0, trimmed.length() - 2).trim()));
            } else if (trimmed.endsWith("s")) {
                parsed = Duration.ofSeconds(Long.parseLong(trimmed.substring(0, trimmed.length() - 1).trim()));
            } else if (trimmed.endsWith("m")) {
                parsed = Duration.ofMinutes(Long.parseLong(trimmed.substring(0, trimmed.length() - 1).trim()));
            } else {
                parsed = Duration.ofMillis(Long.parseLong(trimmed));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": cannot read '" + text + "' as a duration; use e.g. 500ms, "
                    + "5s, 2m or PT5S", e);
        }
        return requirePositive(parsed, where);
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
