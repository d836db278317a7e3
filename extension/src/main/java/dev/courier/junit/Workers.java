package dev.courier.junit;

import dev.courier.history.DeliveryLog;
import dev.courier.worker.MessageChannel;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import dev.courier.worker.WorkerScript;
import dev.courier.tap.ExecutorTap;
import dev.courier.tap.QueueTap;
import dev.courier.tap.TapOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;

/**
 * The per-test worker factory {@link CourierExtension} injects: everything it starts records into the test's
 * {@link #log()} and is closed and checked after the test. In a {@code @FuzzTest} method every try gets a
 * {@code Workers} (and log, clock, probes) of its own, closed and checked after that try, unless the property asks
 * for {@code resources = TryResources.SHARED}.
 *
 * <p>When the test declares a {@link dev.courier.sim.ManualClock} or {@link dev.courier.sim.Simulation}
 * parameter (on the test method or a {@code @BeforeEach} / {@code @AfterEach} method), the log is stamped by it and
 * {@link #options()} schedule on it ({@code WorkerOptions.scheduler(...)}): workers started with those options, or
 * options derived from them, run on the test's virtual time (under a simulation, with no threads at all: the test
 * runs them with {@code runUntilIdle()} / {@code advance(...)}). Otherwise everything runs on real time.
 *
 * <p>Thread contract: every method may be called from any thread, including worker threads; workers started
 * concurrently are all tracked. {@code start} returns once the worker's thread is started; it does not wait for
 * the script.
 */
public interface Workers {

    /** Starts a worker named "worker" with the test's {@link #options()}. */
    Worker start(WorkerScript script);

    /** Starts a worker named {@code name} with the test's {@link #options()}. */
    Worker start(String name, WorkerScript script);

    /**
     * Starts a worker with {@code options} as given, except that it always records into the test's log. To keep
     * the test's settings and change one, derive from them: {@code start(script, workers.options().name("x"))}.
     */
    Worker start(WorkerScript script, WorkerOptions options);

    /** A channel on the test's log with the test's port settings; closed at teardown. */
    MessageChannel channel();

    /** A new probe on the test's log (each call a distinct probe with its own channel). */
    Probe probe();

    /**
     * A recording view of one of the test's own queues ({@link dev.courier.tap.Taps#queue}) on the test's log,
     * so the same checks, diagnoses and assertions cover transports the code under test already uses.
     */
    <T> QueueTap<T> tap(BlockingQueue<T> queue, TapOptions<? super T> options);

    /**
     * A recording view of one of the test's executors ({@link dev.courier.tap.Taps#executor}) on the test's
     * log. At teardown an executor the test left running is shut down and given the test's timeout to finish
     * its queued tasks; one that does not finish fails the test, its never-started tasks recorded as lost.
     */
    ExecutorTap tap(ExecutorService executor, String name);

    /** The workers started through this factory so far, in start order. */
    List<Worker> all();

    /** The test's history. */
    DeliveryLog log();

    /**
     * The test's effective options: log, codec, listener policy, capacity, overflow, retention, drain and stop
     * timeouts (on real time already multiplied by {@code courier.timeout.factor}), and scheduler (the test's
     * {@code ManualClock} or {@code Simulation} if it declared one, else real time).
     */
    WorkerOptions options();

    /**
     * The test's default wait bound ({@link DeliveryOptions#timeout()}, {@link CourierConfig#TIMEOUT_DEFAULT}) as
     * configured; Courier's waits multiply it by {@code courier.timeout.factor} when they start.
     */
    Duration timeout();
}
