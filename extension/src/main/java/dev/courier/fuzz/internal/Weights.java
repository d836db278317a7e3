package dev.courier.fuzz.internal;

import java.util.Arrays;

/**
 * The one way the fuzzing engine makes a weighted choice: a ticket drawn from {@code 0..total()-1} falls in
 * bucket {@code i} when it is among the {@code weights[i]} consecutive tickets after the earlier buckets', so
 * shrinking the ticket toward 0 shrinks toward the first bucket. Used by {@code Gens.frequency} and by the
 * payload generators' choice of kind.
 *
 * <p>Thread contract: immutable.
 */
public final class Weights {

    private final int[] weights;
    private final long total;

    private Weights(int[] weights) {
        long sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] <= 0) {
                throw new IllegalArgumentException("weight " + i + " must be positive, was " + weights[i]);
            }
            sum += weights[i];
        }
        if (weights.length == 0) {
            throw new IllegalArgumentException("at least one weight is needed");
        }
        this.weights = weights;
        this.total = sum;
    }

    /** Buckets with these weights, in order. */
    public static Weights of(int... weights) {
        return new Weights(Arrays.copyOf(weights, weights.length));
    }

    /** The number of tickets: draw one with {@code source.choose(0, total() - 1)}. */
    public long total() {
        return total;
    }

    /** The bucket a ticket falls in. */
    public int bucket(long ticket) {
        if (ticket < 0 || ticket >= total) {
            throw new IllegalArgumentException("ticket " + ticket + " outside 0.." + (total - 1));
        }
        long rest = ticket;
        for (int i = 0; i < weights.length; i++) {
            if (rest < weights[i]) {
                return i;
            }
            rest -= weights[i];
        }
        throw new AssertionError("ticket beyond total weight");
    }
}
