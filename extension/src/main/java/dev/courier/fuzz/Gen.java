package dev.courier.fuzz;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of values of type {@code T}, drawing all its randomness from a {@link ChoiceSource}.
 *
 * <p>Generators shrink for free: the engine records the choices a generator made and simplifies that
 * sequence, so {@code map}, {@code flatMap}, {@code filter} and every combinator in {@link Gens} produce
 * generators whose failing values shrink. Build generators from {@link Gens}; write a custom one with
 * {@link #of(String, Function)}.
 *
 * <p>Thread contract: generators are stateless and may be shared between threads; each
 * {@link #generate} call uses its own source.
 *
 * @param <T> the type of generated values
 */
@FunctionalInterface
public interface Gen<T> {

    /** Generates one value from the given source. */
    T generate(ChoiceSource source);

    /** A short description used in error messages, for example {@code ints(0, 10)}. */
    default String describe() {
        return "gen";
    }

    /** A generator with the given body and description. */
    static <T> Gen<T> of(String description, Function<ChoiceSource, T> body) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(body, "body");
        return new Gen<>() {
            @Override
            public T generate(ChoiceSource source) {
                return body.apply(source);
            }

            @Override
            public String describe() {
                return description;
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /** This generator with another description. */
    default Gen<T> describedAs(String description) {
        return of(description, this::generate);
    }

    /** Generates values of this generator transformed by {@code mapper}. */
    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return of(describe() + ".map", source -> mapper.apply(generate(source)));
    }

    /** Generates a value, then draws from the generator that {@code next} chooses for it. */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> next) {
        Objects.requireNonNull(next, "next");
        return of(describe() + ".flatMap", source -> source.draw(next.apply(source.draw(this))));
    }

    /**
     * Generates only values accepted by {@code predicate}. Each draw tries at most 1000 candidates, then throws
     * {@link TooManyRejectionsException} naming this generator.
     */
    default Gen<T> filter(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        Gen<T> candidates = this;
        int budget = 1000;
        return new Gen<>() {
            @Override
            public T generate(ChoiceSource source) {
                for (int i = 0; i < budget; i++) {
                    T candidate = source.draw(candidates);
                    if (predicate.test(candidate)) {
                        return candidate;
                    }
                }
                // Rejected candidates stay in the choice sequence; the shrinker deletes them.
                throw new TooManyRejectionsException("filter rejected " + budget + " of " + budget
                        + " candidates at " + describe() + "; generate valid values directly (map) or loosen"
                        + " the predicate");
            }

            @Override
            public String describe() {
                return candidates.describe() + ".filter";
            }

            @Override
            public String toString() {
                return describe();
            }
        };
    }
}
