package dev.courier.fuzz;

import dev.courier.fuzz.internal.FuzzExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A property test: the method runs once per try with its {@link From @From} / {@link ForAll @ForAll}
 * parameters generated; a failure is shrunk and reported as a {@link FuzzFailure}.
 *
 * <p>It is a plain {@code @Test} whose invocation an extension intercepts to loop the tries, so the property
 * is one test in reports, and {@code @BeforeEach}/{@code @AfterEach} and parameters not annotated for
 * generation (for example {@code TestInfo}, or anything another extension resolves) are set up once and shared
 * by all tries of the property, except Courier's own {@code Workers}, {@code DeliveryLog}, {@code Simulation},
 * {@code ManualClock} and {@code Probe}: those are new for every try and checked after it ({@link #resources()}).
 * Under a per-try {@code Simulation} every scheduling decision (which loop with a step due runs next, how late a
 * timer fires, up to {@link #maxTimerLateness()}) is drawn from the try's choices, so a failure shrinks to the
 * interleaving with the fewest deviations from round-robin order, printed step by step in the report. The seed, progress of long runs and the result are published as report
 * entries ({@code courier.fuzz.seed}, {@code courier.fuzz.progress}, {@code courier.fuzz.result}); failures are
 * saved under {@link FuzzConfig#FAILURES_DIR} as {@code <class>#<method>(<parameter types>).txt}, replayed
 * first on later runs and deleted once they pass. Configuration keys in {@link FuzzConfig} override the
 * attributes.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(FuzzExtension.class)
public @interface FuzzTest {

    /** Tries to run, unless {@link FuzzConfig#TRIES} is configured. */
    int tries() default FuzzConfig.DEFAULT_TRIES;

    /** Seed of the generated values; 0 picks a random seed (reported). {@link FuzzConfig#SEED} overrides. */
    long seed() default 0;

    /** ISO-8601 bound on the time spent shrinking a failure. */
    String maxShrinkTime() default FuzzConfig.DEFAULT_MAX_SHRINK_TIME;

    /** Bound on the property runs spent shrinking a failure. */
    int maxShrinkSteps() default FuzzConfig.DEFAULT_MAX_SHRINK_STEPS;

    /** ISO-8601 bound on generation time, empty for none; {@link FuzzConfig#TIME_BUDGET} overrides. */
    String timeBudget() default "";

    /** Whether Courier's resources are new for every try (default) or shared by all tries. */
    TryResources resources() default TryResources.PER_TRY;

    /**
     * ISO-8601 bound on how late a timer may fire under a per-try {@code Simulation} (in whole milliseconds;
     * {@code PT0S}: always on time). Late timers model a loaded machine: an asynchronous step that finishes later.
     */
    String maxTimerLateness() default "PT0.002S"; // Interleavings.DEFAULT_MAX_TIMER_LATENESS
}
