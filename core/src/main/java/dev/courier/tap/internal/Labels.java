package dev.courier.tap.internal;

/** Checks for the endpoint labels and names users give to taps. */
public final class Labels {

    private Labels() {
    }

    /**
     * Returns {@code label} if it can name an endpoint.
     *
     * @param what how the caller calls it in an error message, e.g. {@code "sender"}
     * @throws IllegalArgumentException if it is null or blank
     */
    public static String requireLabel(String label, String what) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException(what + " must be a non-blank label, got "
                    + (label == null ? "null" : "\"" + label + "\""));
        }
        return label;
    }

    /** The calling thread's name: the default sender label. */
    public static String currentThread() {
        return Thread.currentThread().getName();
    }
}
