package dev.courier.history.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * The one duration format of every Courier text: {@code 250 ms}, {@code 2 s}, {@code 1.5 s}, {@code 0.4 ms} —
 * never ISO-8601 ({@code PT0.25S}). Whole seconds print in seconds, everything under ten seconds that is not a
 * whole second in milliseconds (one decimal under 10 ms), longer spans in seconds with at most one decimal.
 *
 * <p>Thread contract: stateless; any thread.
 */
public final class DurationText {

    private DurationText() {
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
