package dev.courier.fuzz.internal;

/**
 * The choices {@code [start, end)} one drawn value used, recorded so the shrinker can treat the value as a
 * unit (delete it, swap it with a neighbour).
 *
 * @param start index of the first choice
 * @param end   index after the last choice
 */
public record Span(int start, int end) {

    /** The number of choices in the span. */
    public int length() {
        return end - start;
    }
}
