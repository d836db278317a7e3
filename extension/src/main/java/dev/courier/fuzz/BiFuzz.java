package dev.courier.fuzz;

import java.time.Duration;
import java.util.Objects;

/**
 * A property over two generated values: {@code Fuzz.forAll(a, b).check((x, y) -> ...)}. Options behave as on
 * {@link Fuzz}; every option returns a new instance.
 *
 * @param <A> the first value's type
 * @param <B> the second value's type
 */
public final class BiFuzz<A, B> {

    /** A property over two values that may throw anything. */
    @FunctionalInterface
    public interface Property<A, B> {
        /** Checks the values; throws to fail. */
        void check(A first, B second) throws Throwable;
    }

    private final Fuzz<Pair<A, B>> pairs;

    BiFuzz(Fuzz<Pair<A, B>> pairs) {
        this.pairs = pairs;
    }

    /** See {@link Fuzz#tries}. */
    public BiFuzz<A, B> tries(int tries) {
        return new BiFuzz<>(pairs.tries(tries));
    }

    /** See {@link Fuzz#seed}. */
    public BiFuzz<A, B> seed(long seed) {
        return new BiFuzz<>(pairs.seed(seed));
    }

    /** See {@link Fuzz#maxShrinkTime}. */
    public BiFuzz<A, B> maxShrinkTime(Duration maxShrinkTime) {
        return new BiFuzz<>(pairs.maxShrinkTime(maxShrinkTime));
    }

    /** See {@link Fuzz#named}. */
    public BiFuzz<A, B> named(String name) {
        return new BiFuzz<>(pairs.named(name));
    }

    /** Checks the property on generated pairs; see {@link Fuzz#check}. */
    public void check(Property<? super A, ? super B> property) {
        Objects.requireNonNull(property, "property");
        pairs.check(pair -> property.check(pair.first(), pair.second()));
    }
}
