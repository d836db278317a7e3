package dev.courier.assertions.internal;

import dev.courier.history.Anomaly;
import java.util.List;

/**
 * Builds one failure text: a header line ("Expecting ... but ..."), an optional list of items of which
 * at most {@link #MAX_LISTED} are shown ("... and N more"), then an optional diagnosis with each
 * relevant anomaly's explanation and fix. Not thread-safe: build and discard on one thread.
 */
public final class FailureText {

    /** The most items or anomalies a failure lists before "and N more". */
    public static final int MAX_LISTED = 20;

    private final StringBuilder text;

    private FailureText(String header) {
        this.text = new StringBuilder(header);
    }

    /** Starts a text with its header line. */
    public static FailureText of(String header) {
        return new FailureText(header);
    }

    /** Lists {@code items} as "  - item"; {@code total} counts all of them when only the first were kept. */
    public FailureText items(List<String> items, long total) {
        int shown = Math.min(items.size(), MAX_LISTED);
        for (int i = 0; i < shown; i++) {
            text.append("\n  - ").append(items.get(i));
        }
        if (total > shown) {
            text.append("\n  ... and ").append(total - shown).append(" more");
        }
        return this;
    }

    /** Lists every item (see {@link #items(List, long)}). */
    public FailureText items(List<String> items) {
        return items(items, items.size());
    }

    /** Appends "Diagnosis:" with one line per anomaly, unless there is none. */
    public FailureText diagnosis(List<Anomaly> anomalies) {
        if (anomalies.isEmpty()) {
            return this;
        }
        text.append("\nDiagnosis:");
        int shown = Math.min(anomalies.size(), MAX_LISTED);
        for (int i = 0; i < shown; i++) {
            text.append("\n  ").append(anomalies.get(i));
        }
        if (anomalies.size() > shown) {
            text.append("\n  ... and ").append(anomalies.size() - shown).append(" more");
        }
        return this;
    }

    /** Appends a free line; a null or empty line is left out. */
    public FailureText line(String line) {
        if (line != null && !line.isEmpty()) {
            text.append('\n').append(line);
        }
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** "1 message" / "3 messages", "1 delivery" / "2 deliveries". */
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : plural(noun));
    }

    /** The plural of an English noun as Courier's texts use them. */
    public static String plural(String noun) {
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")
                ? noun + "es" : noun + "s";
    }

    /** "was" / "were". */
    public static String was(long n) {
        return n == 1 ? "was" : "were";
    }
}
