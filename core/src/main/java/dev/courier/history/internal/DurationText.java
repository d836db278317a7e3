package dev.courier.history.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration format of every Courier text: {@code 250 ms}, {@code 2 s}, {@code 1.5 s}, {@code 0.4 ms} —
 * never ISO-8601 ({@code PT0.25S}). Whole seconds print in seconds, everything under ten seconds that is not a
 * whole second in milliseconds (one decimal under 10 ms), longer spans in seconds with at most one decimal.
 *
 * <p>It also holds the one grammar in which every duration is configured (system properties, configuration
 * parameters, annotations): {@code 250ms}, {@code 5s}, {@code 1m}, {@code 2h}, a bare number of milliseconds,
 * or ISO-8601 ({@code PT5S}); see {@link #parse(String, String)}.
 *
 * <p>Thread contract: stateless; any thread.
 */
public final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private DurationText() {
    }

    /**
     * Reads a positive duration in Courier's one configuration grammar: {@code 250ms}, {@code 5s}, {@code 1m},
     * {@code 2h}, a bare number of milliseconds ({@code 250}), or ISO-8601 ({@code PT5S}); case and surrounding
     * blanks do not matter.
     *
     * @param where what the text comes from, for the error (e.g. {@code system property courier.timeout.default})
     * @param text  the text to read
     * @throws IllegalArgumentException naming {@code where} and the text when it is not a duration, or naming the
     *                                  value when it is not positive
     */
    public static Duration parse(String where, String text) {
        Objects.requireNonNull(text, where);
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Duration value = null;
        Matcher shortForm = SHORT.matcher(trimmed);
        try {
            if (shortForm.matches()) {
                long amount = Long.parseLong(shortForm.group(1));
                String unit = shortForm.group(2);
                value = unit == null ? Duration.ofMillis(amount) : switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            } else if (trimmed.startsWith("p")) {
                value = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException unreadable) {
            value = null;
        }
        if (value == null) {
            throw new IllegalArgumentException(where + ": cannot read '" + text + "' as a duration; use e.g. 250ms, "
                    + "5s, 1m or PT5S");
        }
        return requirePositive(where, value);
    }

    /**
     * Returns {@code value} when it is positive.
     *
     * @param where what the value is, for the error (e.g. {@code drainTimeout})
     * @throws IllegalArgumentException naming {@code where} and the value, in this format, when it is zero or negative
     * @throws NullPointerException     naming {@code where} when it is null
     */
    public static Duration requirePositive(String where, Duration value) {
        Objects.requireNonNull(value, where);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(where + " must be positive, got " + of(value));
        }
        return value;
    }

    /** The text of {@code duration}. */
    public static String of(Duration duration) {
        return ofNanos(Objects.requireNonNull(duration, "duration").toNanos());
    }

    /** The text of a span of {@code nanos} nanoseconds (negative spans keep their sign). */
    public static String ofNanos(long nanos) {
        long magnitude = Math.abs(nanos);
        if (magnitude >= 1_000_000_000L && magnitude % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + " s";
        }
        if (magnitude >= 10_000_000_000L) {
            return decimal(nanos, 1_000_000_000L, 1) + " s";
        }
        if (magnitude >= 10_000_000L || magnitude % 1_000_000L == 0) {
            return decimal(nanos, 1_000_000L, 0) + " ms";
        }
        return decimal(nanos, 1_000_000L, magnitude < 100_000L ? 3 : 1) + " ms";
    }

    private static String decimal(long nanos, long unit, int scale) {
        return BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(unit), scale, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
