package dev.courier.fuzz;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of values of type {@code T}, drawing all its randomness from a {@link ChoiceSource}, the
 * sequence of recorded choices declared here with it.
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

    /**
     * The source every generator draws from: a sequence of recorded choices.
     *
     * <p>Each choice is a {@code long} within bounds. While generating, choices come from a seeded random
     * stream; when a case is replayed or shrunk, they come from a recorded (possibly shortened or simplified)
     * sequence, and choices beyond its end read as the simplest value (the lower bound). Because shrinking works
     * on this sequence, any generator built from these methods shrinks without a custom shrinker: make the
     * "simplest" outcome correspond to the lowest choice.
     *
     * <p>Thread contract: a source belongs to one generation on one thread; it is not thread-safe.
     */
    interface ChoiceSource {

        /**
         * Draws a value in {@code [min, max]} (inclusive); shrinks toward {@code min}.
         *
         * @throws IllegalArgumentException if {@code min > max}
         */
        long choose(long min, long max);

        /**
         * Draws a value in {@code [min, max]} like {@link #choose}, except that random generation returns
         * {@code preferred} (clamped into the bounds) instead of a uniform draw; replay uses the recorded choice.
         * This lets a generator steer random values (to edge cases, say) while keeping one layout of choices, so
         * the shrinker can move a value between its steered and its plain form.
         */
        long chooseBiased(long min, long max, long preferred);

        /**
         * Draws a flag that is {@code true} with the given probability while generating randomly; it is
         * recorded as 0 ({@code false}) or 1 ({@code true}) and shrinks toward {@code false}.
         */
        boolean flag(double probabilityTrue);

        /**
         * Draws a value from {@code gen} and marks the choices it made as one span, so the shrinker can
         * delete or reorder the whole value (for example one list element) at once.
         */
        <T> T draw(Gen<T> gen);
    }
}
