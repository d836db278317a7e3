package dev.courier.fuzz;

/**
 * The source every {@link Gen} draws from: a sequence of recorded choices.
 *
 * <p>Each choice is a {@code long} within bounds. While generating, choices come from a seeded random
 * stream; when a case is replayed or shrunk, they come from a recorded (possibly shortened or simplified)
 * sequence, and choices beyond its end read as the simplest value (the lower bound). Because shrinking works
 * on this sequence, any generator built from these methods shrinks without a custom shrinker: make the
 * "simplest" outcome correspond to the lowest choice.
 *
 * <p>Thread contract: a source belongs to one generation on one thread; it is not thread-safe.
 */
public interface ChoiceSource {

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
