package dev.courier.fuzz;

import dev.courier.fuzz.Gen.ChoiceSource;
import dev.courier.sim.Simulation;
import java.time.Duration;
import java.util.Objects;

/**
 * Generators of interleavings: a {@link Simulation} {@link Simulation#driven driven} by the try's own choices, so
 * every scheduling decision it takes (which loop with a step due runs next, how late a timer fires) is a choice
 * the shrinker minimises toward round-robin order with every timer on time. A {@code @FuzzTest} that declares a
 * {@code Simulation} parameter gets one of these per try; use these with {@link Fuzz#forAll} outside JUnit.
 *
 * <pre>{@code
 * Fuzz.forAll(Interleavings.simulations()).tries(1000).check(sim -> {
 *     ... start workers with WorkerOptions.defaults().scheduler(sim), sim.runUntilIdle(), check ...
 * });
 * }</pre>
 *
 * <p>Thread contract: the generators are stateless and may be shared; each simulation belongs to its try.
 */
public final class Interleavings {

    /** The default bound on a timer's lateness: 2 ms of virtual time. */
    public static final Duration DEFAULT_MAX_TIMER_LATENESS = Duration.ofMillis(2);

    private Interleavings() {
    }

    /** Driven simulations whose timers may fire up to {@link #DEFAULT_MAX_TIMER_LATENESS} late. */
    public static Gen<Simulation> simulations() {
        return simulations(DEFAULT_MAX_TIMER_LATENESS);
    }

    /** Driven simulations whose timers may fire up to {@code maxTimerLateness} late (zero: always on time). */
    public static Gen<Simulation> simulations(Duration maxTimerLateness) {
        Objects.requireNonNull(maxTimerLateness, "maxTimerLateness");
        return Gen.of("Interleavings.simulations(" + maxTimerLateness + ")",
                source -> drivenBy(source, maxTimerLateness));
    }

    /** A simulation whose scheduling decisions are drawn from {@code source}. */
    public static Simulation drivenBy(ChoiceSource source, Duration maxTimerLateness) {
        Objects.requireNonNull(source, "source");
        return Simulation.driven(options -> (int) source.choose(0, options - 1), maxTimerLateness);
    }
}
