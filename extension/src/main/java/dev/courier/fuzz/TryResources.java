package dev.courier.fuzz;

/**
 * Whether a {@link FuzzTest}'s {@code Workers}, {@code DeliveryLog}, {@code Simulation}, {@code ManualClock} and
 * {@code Probe} parameters are new for every try or one set shared by all tries.
 */
public enum TryResources {

    /**
     * New for every try (the default): each try gets its own log, workers and virtual clock, the teardown checks
     * run after each try (a leaked worker or an undeclared fault fails that try, which is then shrunk), and under
     * a {@code Simulation} every scheduling decision is one of the try's choices, so the interleaving shrinks.
     * Costs one log, one factory and one teardown per try (see the fuzz benchmarks).
     */
    PER_TRY,

    /**
     * One set for the whole property, as JUnit resolved it, torn down once after the last try: histories
     * accumulate across tries and the simulation is seeded, not driven by the tries.
     */
    SHARED
}
