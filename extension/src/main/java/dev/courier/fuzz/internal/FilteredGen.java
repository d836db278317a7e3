package dev.courier.fuzz.internal;

import dev.courier.fuzz.ChoiceSource;
import dev.courier.fuzz.Gen;
import dev.courier.fuzz.TooManyRejectionsException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A generator that redraws until its predicate accepts, within a budget per value. Rejected candidates stay
 * in the choice sequence; the shrinker deletes them.
 *
 * @param <T> the type of generated values
 */
public final class FilteredGen<T> implements Gen<T> {

    /** Candidates tried for one value before giving up. */
    public static final int BUDGET = 1000;

    private final Gen<T> source;
    private final Predicate<? super T> predicate;

    /** Filters {@code source} by {@code predicate}. */
    public FilteredGen(Gen<T> source, Predicate<? super T> predicate) {
        this.source = Objects.requireNonNull(source, "source");
        this.predicate = Objects.requireNonNull(predicate, "predicate");
    }

    @Override
    public T generate(ChoiceSource choices) {
        for (int i = 0; i < BUDGET; i++) {
            T candidate = choices.draw(source);
            if (predicate.test(candidate)) {
                return candidate;
            }
        }
        throw new TooManyRejectionsException("filter rejected " + BUDGET + " of " + BUDGET + " candidates at "
                + describe() + "; generate valid values directly (map) or loosen the predicate");
    }

    @Override
    public String describe() {
        return source.describe() + ".filter";
    }

    @Override
    public String toString() {
        return describe();
    }
}
