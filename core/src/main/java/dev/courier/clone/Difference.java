package dev.courier.clone;

import java.util.Objects;

/**
 * One mismatch between an original value and its copy.
 *
 * <p>{@code expected} and {@code actual} are short descriptions (class names for {@link
 * DifferenceKind#TYPE_CHANGED}, rendered values otherwise), never live objects, so a difference can be
 * kept in a report without holding on to the payload.
 *
 * @param path     where, in the path notation of {@link StructuredClone} (e.g. {@code $.items[3].when})
 * @param kind     what kind of mismatch
 * @param expected what the original has there
 * @param actual   what the copy has there
 */
public record Difference(String path, DifferenceKind kind, String expected, String actual) {

    /** Validates that path and kind are present. */
    public Difference {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }

    /** One line, e.g. {@code $.items[3].when: TYPE_CHANGED expected java.util.Date but was java.lang.String}. */
    @Override
    public String toString() {
        return path + ": " + kind + " expected " + expected + " but was " + actual;
    }
}
