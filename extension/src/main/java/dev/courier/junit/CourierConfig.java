package dev.courier.junit;

/**
 * Configuration keys of {@link CourierExtension}, read as JUnit configuration parameters (launcher
 * parameters, then system properties, then {@code junit-platform.properties}). They are the lowest configured
 * level: a {@link CourierExtension#builder() builder} value overrides them, and {@link DeliveryOptions} on a
 * class or method overrides both.
 */
public final class CourierConfig {

    /**
     * {@value}: the test's default wait bound (probe waits without a timeout, the wait for worker threads to end
     * at teardown, an executor's shutdown at teardown, Courier assertions without {@code within}), as ISO-8601
     * ({@code PT5S}) or a short form ({@code 5s}, {@code 250ms}, {@code 1m}). Every wait multiplies it by
     * {@link #TIMEOUT_FACTOR} (default 1), like every other Courier timeout.
     */
    public static final String TIMEOUT_DEFAULT = "courier.timeout.default";

    /**
     * {@value}: a positive number (e.g. {@code 3} or {@code 1.5}) that multiplies every Courier timeout on the
     * thread running each test: assertion waits, probe waits, and teardown's bounds (worker drain and stop on real
     * time, executor shutdown, worker threads). Default 1; a factor set in code
     * ({@code CourierAssertions.setTimeoutFactor}) wins.
     */
    public static final String TIMEOUT_FACTOR = "courier.timeout.factor";

    /** {@value}: {@code QUEUE_UNTIL_STARTED} or {@code DROP_WHEN_NO_LISTENER}. */
    public static final String LISTENER_POLICY = "courier.listener.policy";

    /** {@value}: queue capacity of every port; {@code 0} means unbounded. */
    public static final String CAPACITY = "courier.capacity";

    /** {@value}: {@code BLOCK}, {@code DROP_NEWEST}, {@code DROP_OLDEST} or {@code FAIL}. */
    public static final String OVERFLOW = "courier.overflow";

    /**
     * {@value}: {@code true} (default) fails a test whose history has worker errors, unhandled message errors
     * or clone failures it did not declare with {@link ExpectDeliveryFaults}.
     */
    public static final String STRICT = "courier.strict";

    /** {@value}: a directory; when set, a summary file per test is written there. */
    public static final String REPORT_DIR = "courier.report.dir";

    /**
     * {@value}: when a test gets an HTML report of its history (a timeline with the diagnosis, and the history as
     * JSON Lines beside it): {@code failed} (default) for every failing test, {@code anomalies} also for a passing
     * test whose history has failing anomalies (the samples use it), {@code off} never. A failing test's message
     * then ends with the report's path, and the report is published as a file entry of the test.
     */
    public static final String REPORT_HTML = "courier.report.html";

    /** {@value}: the directory HTML reports are written to; default {@value #DEFAULT_REPORT_HTML_DIR}. */
    public static final String REPORT_HTML_DIR = "courier.report.html.dir";

    /** The built-in default of {@link #REPORT_HTML_DIR}: {@value} (relative to the working directory). */
    public static final String DEFAULT_REPORT_HTML_DIR = "target/courier-reports";

    /**
     * {@value}: how long teardown lets each worker handle its queue before terminating it (duration), times
     * {@code courier.timeout.factor} on real time.
     */
    public static final String DRAIN_TIMEOUT = "courier.drain.timeout";

    /**
     * {@value}: the seed of the {@code Simulation} a test gets when it declares one as a parameter (a long;
     * default {@value #DEFAULT_SIMULATION_SEED}); a failing interleaving replays with the same seed.
     */
    public static final String SIMULATION_SEED = "courier.simulation.seed";

    /** The built-in default of {@link #SIMULATION_SEED}: {@value}. */
    public static final long DEFAULT_SIMULATION_SEED = 1L;

    /** The built-in default of {@link #TIMEOUT_DEFAULT}: {@value} (ISO-8601). */
    public static final String DEFAULT_TIMEOUT = "PT5S";

    /** The built-in default of {@link #DRAIN_TIMEOUT}: {@value} (ISO-8601). */
    public static final String DEFAULT_DRAIN_TIMEOUT = "PT2S";

    private CourierConfig() {
    }
}
