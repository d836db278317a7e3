package dev.courier.fuzz.internal;

import dev.courier.fuzz.Gen.ChoiceSource;
import dev.courier.fuzz.Interleavings;
import dev.courier.history.AnomalyKind;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.junit.Probe;
import dev.courier.junit.Workers;
import dev.courier.junit.internal.FieldInjection;
import dev.courier.junit.internal.Layer;
import dev.courier.junit.internal.Teardown;
import dev.courier.junit.internal.TeardownResult;
import dev.courier.junit.internal.TestRun;
import dev.courier.sim.Interleaving;
import dev.courier.sim.ManualClock;
import dev.courier.sim.Simulation;
import dev.courier.worker.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Courier's resources for one try of a {@code @FuzzTest}: a fresh {@link TestRun} (log, workers, probes) on a
 * fresh clock of the kind the test declared; a {@link Simulation} is driven by the try's choices. After the
 * property, the run is torn down like a test (workers closed, leaks and undeclared faults found), and a worker
 * that came online but was never ended (started outside {@link Workers}, under a simulation where no thread
 * betrays it) is named as leaked.
 *
 * <p>Thread contract: immutable settings shared by the tries of one property, which run on one thread.
 */
final class TryRuns {

    /** The parameter types that are new for every try. */
    static final Set<Class<?>> TYPES = Set.of(Workers.class, DeliveryLog.class, Simulation.class, ManualClock.class,
            Probe.class);

    private final Layer settings;
    private final Class<?> clockType;
    private final Duration maxTimerLateness;
    private final Set<AnomalyKind> expected;
    private final String name;

    /**
     * @param clockType {@link Simulation}, {@link ManualClock} or null (real time), as the test declared
     * @param name      how a try is named in teardown failures
     */
    TryRuns(Layer settings, Class<?> clockType, Duration maxTimerLateness, Set<AnomalyKind> expected, String name) {
        this.settings = settings;
        this.clockType = clockType;
        this.maxTimerLateness = maxTimerLateness;
        this.expected = expected;
        this.name = name;
    }

    /** A fresh run whose simulation, if any, takes its scheduling decisions from {@code source}. */
    TestRun open(ChoiceSource source) {
        Scheduler clock = null;
        if (clockType == Simulation.class) {
            clock = Interleavings.drivenBy(source, maxTimerLateness);
        } else if (clockType == ManualClock.class) {
            clock = new ManualClock();
        }
        TestRun run = new TestRun(settings, clock);
        if (clock instanceof Simulation sim) {
            DeliveryLog log = run.log();
            sim.markStepsWith(log::size);
        }
        return run;
    }

    /** The argument of {@code type} for a parameter of the try. */
    static Object valueFor(Class<?> type, TestRun run) {
        return type == Simulation.class || type == ManualClock.class ? run.clock() : FieldInjection.valueFor(type, run);
    }

    /**
     * Tears {@code run} down after the property returned or threw {@code failure} (null if it returned), and throws
     * what fails the try: the property's failure (teardown problems suppressed into it) or the teardown's; under a
     * simulation wrapped with the interleaving the try ran.
     */
    void close(TestRun run, Throwable failure) throws Throwable {
        Simulation sim = run.clock() instanceof Simulation s ? s : null;
        int steps = sim == null ? 0 : sim.interleaving().orElseThrow().steps();
        int end = run.log().size();
        Throwable thrown = failure;
        try {
            AssertionError teardown = teardown(run, sim);
            if (teardown != null && thrown == null) {
                thrown = teardown;
            } else if (teardown != null) {
                thrown.addSuppressed(teardown);
            }
        } finally {
            run.close();
        }
        if (thrown == null) {
            return;
        }
        if (sim == null) {
            throw thrown;
        }
        Interleaving interleaving = sim.interleaving().orElseThrow();
        throw new InterleavedFailure(InterleavingText.render(interleaving, steps, end, run.log().snapshot()), thrown);
    }

    private AssertionError teardown(TestRun run, Simulation sim) {
        TeardownResult result = Teardown.of(run, expected).orElse(null);
        if (result == null) {
            return null;
        }
        if (sim == null) {
            return result.failure(name);
        }
        List<String> problems = new ArrayList<>(result.problems());
        Set<String> leaked = neverEnded(run.log().snapshot());
        for (String label : leaked) {
            problems.add("worker `" + label + "` was started but never closed or terminated (under " + sim
                    + " it leaks silently): start it through the injected Workers, which closes it after the try, or "
                    + "close it yourself");
        }
        return new TeardownResult(result.summary(), problems, result.causes(), result.delivery(), result.lifecycle(),
                result.stuck() + leaked.size(), result.strict()).failure(name);
    }

    private static Set<String> neverEnded(HistorySnapshot history) {
        Set<String> online = new LinkedHashSet<>();
        for (int i = 0; i < history.size(); i++) {
            String label = history.receiver(i) != null ? history.receiver(i) : history.sender(i);
            if (history.kind(i) == EventKind.WORKER_ONLINE) {
                online.add(label);
            } else if (history.kind(i) == EventKind.WORKER_EXIT) {
                online.remove(label);
            }
        }
        return online;
    }
}
