package dev.courier.history.internal;

import java.util.List;

/**
 * Wording shared by the explanations: counts with the right noun form, durations and rates. Pure
 * functions; safe from any thread.
 */
public final class Text {

    private static final int LISTED_IDS = 5;

    private Text() {
    }

    /** "1 message", "3 messages", "2 deliveries". */
    public static String count(long n, String noun) {
        if (n == 1) {
            return n + " " + noun;
        }
        boolean consonantY = noun.endsWith("y") && noun.length() > 1
                && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0;
        return n + " " + (consonantY ? noun.substring(0, noun.length() - 1) + "ies"
                : noun.endsWith("s") || noun.endsWith("sh") || noun.endsWith("ch") ? noun + "es" : noun + "s");
    }

    /** "was" for one, "were" for several. */
    public static String were(long n) {
        return n == 1 ? "was" : "were";
    }

    /** A nanosecond span in Courier's one duration format ({@link DurationText}): "12 ms", "0.4 ms", "2 s". */
    public static String millis(long nanos) {
        return DurationText.ofNanos(nanos);
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
