package dev.courier.junit;

import dev.courier.assertions.CourierAssertions;
import dev.courier.history.DeliveryLog;
import dev.courier.history.internal.DurationText;
import dev.courier.junit.internal.ClockDemand;
import dev.courier.junit.internal.FactorScope;
import dev.courier.junit.internal.FailureReports;
import dev.courier.junit.internal.FieldInjection;
import dev.courier.junit.internal.Layer;
import dev.courier.junit.internal.Runs;
import dev.courier.junit.internal.SummaryFile;
import dev.courier.junit.internal.Teardown;
import dev.courier.junit.internal.TeardownResult;
import dev.courier.junit.internal.TestRun;
import dev.courier.sim.ManualClock;
import dev.courier.sim.Simulation;
import dev.courier.worker.ListenerPolicy;
import dev.courier.worker.OverflowPolicy;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Gives each test its own {@link DeliveryLog}, a {@link Workers} factory and {@link Probe}s (as parameters of
 * test, {@code @BeforeEach} and {@code @AfterEach} methods, or {@link CourierInject} fields), and checks the test
 * after it ran: every worker it started is closed (drained, then terminated, each bounded), a worker thread still
 * alive after a bounded wait fails the test, and in strict mode so do worker errors, unhandled message errors and
 * clone failures not declared with {@link ExpectDeliveryFaults}. If the test already failed, JUnit keeps its
 * failure and attaches the teardown's as suppressed. A one-line summary is published as report entry
 * {@code courier.delivery}, and written to {@link CourierConfig#REPORT_DIR} when that is set.
 *
 * <p>A failing test gets an HTML report of its history (see {@link CourierConfig#REPORT_HTML}), written under
 * {@link CourierConfig#REPORT_HTML_DIR} and published as a file entry; its failure is rethrown with the report's
 * path as the message's last line (same exception type where it can be rebuilt, the original as its cause).
 *
 * <p>A test whose method, or one of whose {@code @BeforeEach} / {@code @AfterEach} methods, declares a
 * {@link ManualClock} or {@link Simulation} parameter runs on virtual time: it gets one per test (the same
 * instance in every such parameter; a simulation seeded by {@link CourierConfig#SIMULATION_SEED}), its log is
 * stamped by it, and its {@link Workers} start workers and channels scheduled on it, so timers fire only when the
 * test advances the clock (or runs the simulation) and every time in an explanation is exact. Other tests run on
 * real time.
 *
 * <p>Register it with {@link CourierTest}, {@code @ExtendWith(CourierExtension.class)}, or
 * {@code @RegisterExtension static CourierExtension courier = CourierExtension.builder()...build();}. Options
 * precedence: {@link DeliveryOptions} on the method, then on the class and its enclosing classes, then the builder,
 * then {@link CourierConfig} parameters (or system properties), then defaults.
 *
 * <p>Thread contract: one instance may serve tests running in parallel; it holds only immutable settings, and each
 * test's state lives in that test's {@code ExtensionContext.Store}.
 */
public final class CourierExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver,
        TestExecutionExceptionHandler {

    private final Layer builderLevel;

    /** An extension with no builder level (used by {@link CourierTest} and {@code @ExtendWith}). */
    public CourierExtension() {
        this(Layer.EMPTY);
    }

    private CourierExtension(Layer builderLevel) {
        this.builderLevel = builderLevel;
    }

    /** A builder whose values override configuration parameters and are overridden by annotations. */
    public static Builder builder() {
        return Builder.EMPTY;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        FactorScope.open(context);
        TestRun run = Runs.of(context, builderLevel(context));
        run.scopeAssertionTimeoutToThisThread();
        run.adoptWorkersStartedOnThisThread();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            FieldInjection.inject(instance, run);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            tearDown(context);
        } finally {
            FactorScope.close(context);
        }
    }

    private void tearDown(ExtensionContext context) {
        TestRun run = Runs.find(context).orElse(null);
        if (run == null) {
            return;
        }
        run.endAssertionTimeoutScope();
        run.endAdoption();
        AssertionError unchecked = uncheckedAssertions();
        TeardownResult result = Teardown.of(run, Runs.expectedFaults(context.getRequiredTestClass(),
                context.getTestMethod().orElse(null))).orElse(null);
        if (result == null) {
            if (unchecked != null) {
                throw unchecked;
            }
            return;
        }
        context.publishReportEntry("courier.delivery", result.summary());
        Path dir = run.settings().reportDir();
        if (dir != null) {
            SummaryFile.write(dir, context.getRequiredTestClass().getName(),
                    context.getRequiredTestMethod().getName(), context.getDisplayName(), result);
        }
        AssertionError failure = result.failure(context.getDisplayName());
        if (unchecked != null) {
            if (failure != null) {
                unchecked.addSuppressed(failure);
            }
            throw unchecked;
        }
        if (failure != null) {
            throw (AssertionError) FailureReports.onFailure(context, failure);
        }
        FailureReports.onPass(context, run);
    }

    /** Writes the test's HTML report and rethrows {@code thrown} with the report's path appended. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw FailureReports.onFailure(context, thrown);
    }

    // A Courier assertion the test declared but never checked fails the test (after the teardown ran).
    private static AssertionError uncheckedAssertions() {
        try {
            CourierAssertions.requireAllChecked();
            return null;
        } catch (IllegalStateException forgotten) {
            return new AssertionError(forgotten.getMessage());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (builderLevel == Layer.EMPTY && registered(context) != null) {
            return false; // the configured instance registered on the class resolves it; two would compete
        }
        return type == Workers.class || type == Probe.class || type == DeliveryLog.class
                || ClockDemand.TYPES.contains(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String type = parameter.getParameter().getType().getSimpleName();
        if (parameter.getDeclaringExecutable() instanceof Constructor<?> || context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException(type + " is per test: inject it into a test, @BeforeEach or "
                    + "@AfterEach method"
                    + (ClockDemand.TYPES.contains(parameter.getParameter().getType()) ? "" : ", or a @CourierInject field")
                    + ", not into " + parameter.getDeclaringExecutable());
        }
        TestRun run = Runs.of(context, builderLevel(context));
        if (ClockDemand.TYPES.contains(parameter.getParameter().getType())) {
            return clockOf(run, parameter);
        }
        return FieldInjection.valueFor(parameter.getParameter().getType(), run);
    }

    private static Object clockOf(TestRun run, ParameterContext parameter) {
        Class<?> type = parameter.getParameter().getType();
        if (!type.isInstance(run.clock())) {
            throw new ParameterResolutionException(type.getSimpleName() + " parameter of "
                    + parameter.getDeclaringExecutable() + ": the test's clock is chosen when its log is created, "
                    + "from the ManualClock or Simulation parameters of the test method and its @BeforeEach / "
                    + "@AfterEach methods; declare it on one of those, and only one kind per test");
        }
        return run.clock();
    }

    /**
     * This instance's builder level; an unconfigured instance (from {@link CourierTest}) defers to a configured
     * one registered on the test class, whichever of the two creates the test's state first.
     */
    private Layer builderLevel(ExtensionContext context) {
        if (builderLevel != Layer.EMPTY) {
            return builderLevel;
        }
        CourierExtension registered = registered(context);
        return registered == null ? Layer.EMPTY : registered.builderLevel;
    }

    /** A configured instance in a static {@code @RegisterExtension} field of the test class chain, or null. */
    private static CourierExtension registered(ExtensionContext context) {
        for (Class<?> level = context.getRequiredTestClass(); level != null; level = level.getEnclosingClass()) {
            for (Field field : AnnotationSupport.findAnnotatedFields(level, RegisterExtension.class,
                    f -> Modifier.isStatic(f.getModifiers()) && f.getType() == CourierExtension.class)) {
                Object registered = ReflectionSupport.tryToReadFieldValue(field, null).toOptional().orElse(null);
                if (registered instanceof CourierExtension configured && configured.builderLevel != Layer.EMPTY) {
                    return configured;
                }
            }
        }
        return null;
    }

    /**
     * Builds a configured {@link CourierExtension}. Immutable: every option method returns a new builder, so a
     * shared base can be specialised freely from any thread.
     */
    public static final class Builder {

        private static final Builder EMPTY = new Builder(Layer.EMPTY);

        private final Layer level;

        private Builder(Layer level) {
            this.level = level;
        }

        /** The tests' default wait bound (see {@link CourierConfig#TIMEOUT_DEFAULT}). */
        public Builder defaultTimeout(Duration value) {
            return new Builder(level.withTimeout(DurationText.requirePositive("defaultTimeout", value)));
        }

        /** What ports do with messages while no listener is attached. */
        public Builder listenerPolicy(ListenerPolicy value) {
            return new Builder(level.withPolicy(PolicyChoice.valueOf(Objects.requireNonNull(value, "listenerPolicy")
                    .name())));
        }

        /** Queue capacity of every port; 0 for unbounded. */
        public Builder capacity(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("capacity must be 0 (unbounded) or positive, was " + value);
            }
            return new Builder(level.withCapacity(value));
        }

        /** What a full bounded queue does. */
        public Builder overflow(OverflowPolicy value) {
            return new Builder(level.withOverflow(OverflowChoice.valueOf(Objects.requireNonNull(value, "overflow")
                    .name())));
        }

        /** How payloads cross. */
        public Builder codec(CodecChoice value) {
            if (Objects.requireNonNull(value, "codec") == CodecChoice.INHERIT) {
                throw new IllegalArgumentException("codec: INHERIT is only meaningful in @DeliveryOptions");
            }
            return new Builder(level.withCodec(value));
        }

        /** Whether payloads are kept in the history. */
        public Builder retainPayloads(boolean value) {
            return new Builder(level.withRetain(value));
        }

        /** Whether undeclared faults fail a test at teardown (see {@link CourierConfig#STRICT}). */
        public Builder strict(boolean value) {
            return new Builder(level.withStrict(value));
        }

        /** How long teardown lets each worker drain before terminating it. */
        public Builder drainTimeout(Duration value) {
            return new Builder(level.withDrainTimeout(DurationText.requirePositive("drainTimeout", value)));
        }

        /** Where summary files are written (see {@link CourierConfig#REPORT_DIR}). */
        public Builder reportDir(Path value) {
            return new Builder(level.withReportDir(Objects.requireNonNull(value, "reportDir")));
        }

        /** The extension. */
        public CourierExtension build() {
            return new CourierExtension(level);
        }
    }
}
