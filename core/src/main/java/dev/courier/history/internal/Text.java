package dev.courier.history.internal;

import java.util.List;
import java.util.Locale;

/**
 * Wording shared by the explanations: counts with the right noun form, durations and rates. Pure
 * functions; safe from any thread.
 */
public final class Text {

    private static final int LISTED_IDS = 5;

    private Text() {
    }

    /** "1 message", "3 messages". */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** "was" for one, "were" for several. */
    public static String were(long n) {
        return n == 1 ? "was" : "were";
    }

    /** A nanosecond span in milliseconds: whole numbers as "12 ms", small fractions as "0.4 ms". */
    public static String millis(long nanos) {
        if (nanos % 1_000_000L == 0 || Math.abs(nanos) >= 10_000_000L) {
            return Math.round(nanos / 1_000_000.0) + " ms";
        }
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
    }

    /** Events per second over the window from the first to the last of {@code count} events. */
    public static String rate(long count, long windowNanos) {
        if (count < 2 || windowNanos <= 0) {
            return "an unmeasured rate (fewer than 2 events over a measurable window)";
        }
        return Math.round((count - 1) * 1e9 / windowNanos) + " messages/s";
    }

    /** "41, 42, 43, 44, 45 and 7 more". */
    public static String ids(List<Long> ids) {
        StringBuilder text = new StringBuilder();
        int listed = Math.min(ids.size(), LISTED_IDS);
        for (int i = 0; i < listed; i++) {
            if (i > 0) {
                text.append(i == ids.size() - 1 ? " and " : ", ");
            }
            text.append(ids.get(i));
        }
        if (ids.size() > listed) {
            text.append(" and ").append(ids.size() - listed).append(" more");
        }
        return text.toString();
    }
}
