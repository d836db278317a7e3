package dev.courier.fuzz;

/**
 * Thrown when a generator cannot produce an acceptable value: a {@link Gen#filter filter} rejected its whole
 * budget of candidates, or a set or map could not find enough distinct elements. Generate valid values
 * directly (with {@link Gen#map}) or loosen the condition.
 */
public final class TooManyRejectionsException extends IllegalStateException {

    /** Creates the exception with a message naming the generator that gave up. */
    public TooManyRejectionsException(String message) {
        super(message);
    }
}
