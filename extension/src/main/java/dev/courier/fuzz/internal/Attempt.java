package dev.courier.fuzz.internal;

import java.util.List;

/**
 * One run of the property on one generated value.
 *
 * @param choices the canonical choice sequence that regenerates the value
 * @param spans   the spans of nested draws in that sequence
 * @param failure what the property threw, or null if it passed
 */
public record Attempt(long[] choices, List<Span> spans, Throwable failure) {

    /** True if the property threw. */
    public boolean failed() {
        return failure != null;
    }
}
