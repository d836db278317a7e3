package dev.courier.assertions.internal;

/** Argument checks for expected counts. Stateless. */
public final class Counts {

    private Counts() {
    }

    /** Returns {@code count}, or throws naming {@code what} when it is negative. */
    public static int requireNotNegative(int count, String what) {
        if (count < 0) {
            throw new IllegalArgumentException(what + " must be 0 or more, got " + count);
        }
        return count;
    }
}
