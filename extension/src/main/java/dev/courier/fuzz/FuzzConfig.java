package dev.courier.fuzz;

/**
 * Configuration keys of the fuzzing engine. {@code @FuzzTest} reads them as JUnit configuration parameters
 * (which also fall back to system properties and {@code junit-platform.properties}); {@link Fuzz} reads them
 * as system properties. A configured value overrides what the property itself declares.
 */
public final class FuzzConfig {

    /**
     * {@value}: number of tries for every property, replacing the declared count (raise it in a CI deep-fuzz
     * profile, lower it for a quick smoke run).
     */
    public static final String TRIES = "courier.fuzz.tries";

    /**
     * {@value}: ISO-8601 duration (for example {@code PT30S}) each property may spend generating; when it is
     * exceeded the run stops and reports the tries done.
     */
    public static final String TIME_BUDGET = "courier.fuzz.time-budget";

    /** {@value}: the seed to replay, as printed by a failure report. */
    public static final String SEED = "courier.fuzz.seed";

    /** {@value}: directory where failing choice sequences are saved and replayed first on later runs. */
    public static final String FAILURES_DIR = "courier.fuzz.failures.dir";

    /** The default of {@link #FAILURES_DIR}, relative to the working directory (the module under Maven). */
    public static final String DEFAULT_FAILURES_DIR = "target/courier-fuzz-failures";

    /** Tries per property unless declared or configured otherwise. */
    public static final int DEFAULT_TRIES = 100;

    /** Runs of the property the shrinker may spend, unless declared otherwise. */
    public static final int DEFAULT_MAX_SHRINK_STEPS = 2000;

    /** Time the shrinker may spend, unless declared otherwise: {@value} (ISO-8601). */
    public static final String DEFAULT_MAX_SHRINK_TIME = "PT10S";

    private FuzzConfig() {
    }
}
