package dev.courier.fuzz;

/**
 * A property failed. The message holds everything needed to understand and replay the failure: the minimal
 * counterexample, the original one, the seed, tries done, shrink steps, the minimal failure's own message and
 * the replay line. The cause is what the property threw on the minimal counterexample.
 */
public final class FuzzFailure extends AssertionError {

    private final long seed;
    private final int tries;
    private final int shrinkSteps;
    private final String minimalCounterexample;
    private final String originalCounterexample;

    /** Creates the failure; the engine builds the message. */
    public FuzzFailure(String message, Throwable cause, long seed, int tries, int shrinkSteps,
                       String minimalCounterexample, String originalCounterexample) {
        super(message, cause);
        this.seed = seed;
        this.tries = tries;
        this.shrinkSteps = shrinkSteps;
        this.minimalCounterexample = minimalCounterexample;
        this.originalCounterexample = originalCounterexample;
    }

    /**
     * The same failure under another message (e.g. with a report's path appended): the cause and every other
     * property are copied from {@code original}.
     */
    public FuzzFailure(String message, FuzzFailure original) {
        this(message, original.getCause(), original.seed, original.tries, original.shrinkSteps, original.minimalCounterexample,
                original.originalCounterexample);
    }

    /** The seed that reproduces the failure. */
    public long seed() {
        return seed;
    }

    /** Tries run up to and including the failing one (0 when a saved failure was replayed). */
    public int tries() {
        return tries;
    }

    /** Successful shrink steps from the original to the minimal counterexample. */
    public int shrinkSteps() {
        return shrinkSteps;
    }

    /** The minimal counterexample, pretty-printed. */
    public String minimalCounterexample() {
        return minimalCounterexample;
    }

    /** The counterexample first found, pretty-printed. */
    public String originalCounterexample() {
        return originalCounterexample;
    }
}
