package dev.courier.clone.internal;

/**
 * The step budget of one fidelity comparison, shared by its nested candidate comparisons and its
 * structural hashing, so that no payload keeps a comparison running on: when the budget is spent the
 * comparison ends with an {@link IllegalStateException} naming the budget and the path it reached.
 *
 * <p>Thread contract: confined to one comparison's thread.
 */
final class CompareBudget {

    private final long maxSteps;
    private long steps;
    private PathNode at = PathNode.ROOT;

    CompareBudget(long maxSteps) {
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("maxSteps must be positive, was " + maxSteps);
        }
        this.maxSteps = maxSteps;
    }

    /** Where the outermost comparison is, for the message when the budget runs out. */
    void at(PathNode path) {
        at = path;
    }

    /** Spends one step. */
    void step() {
        if (++steps > maxSteps) {
            throw new IllegalStateException("Fidelity.compare gave up after " + maxSteps + " steps, near " + at
                    + ": the values are too large, or hold too many look-alike set elements or map keys, to compare"
                    + " within the budget; compare a smaller payload, or raise the budget with"
                    + " Fidelity.compare(original, copy, maxSteps)");
        }
    }

    /**
     * Spends {@code count} steps at once if that many remain (for parts that are known to hold no difference),
     * and answers whether it did; when it did not, nothing is spent and the parts are to be visited one by one.
     */
    boolean trySpend(long count) {
        if (count > maxSteps - steps) {
            return false;
        }
        steps += count;
        return true;
    }

    long spent() {
        return steps;
    }
}
