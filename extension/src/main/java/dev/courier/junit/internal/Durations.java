package dev.courier.junit.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations of configuration and annotations: ISO-8601 ({@code PT5S}) or short ({@code 5s}). */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {
    }

    /**
     * Parses a positive duration.
     *
     * @param where names the source in the error, e.g. {@code configuration parameter courier.timeout.default}
     * @throws IllegalArgumentException naming {@code where} and the text when it is not a positive duration
     */
    public static Duration parse(String where, String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Duration value = null;
        Matcher shortForm = SHORT.matcher(trimmed);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            value = switch (shortForm.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } else if (trimmed.startsWith("p")) {
            try {
                value = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException ignored) {
                // reported below
            }
        }
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(where + " must be a positive duration such as PT5S, 5s or 250ms, got '"
                    + text + "'");
        }
        return value;
    }
}
