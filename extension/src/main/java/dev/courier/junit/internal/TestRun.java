package dev.courier.junit.internal;

import dev.courier.assertions.CourierAssertions;
import dev.courier.assertions.TimeoutScope;
import dev.courier.history.DeliveryLog;
import dev.courier.junit.Probe;
import dev.courier.junit.Workers;
import dev.courier.worker.DefaultWorkerContext;
import dev.courier.worker.MessageChannel;
import dev.courier.worker.Scheduler;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The state of one test: its settings, log and workers. Lives in the test's {@code ExtensionContext.Store}; the
 * teardown checks it once, and the store closes it at the end of the test as a safety net (terminating, without
 * waiting, whatever the teardown did not get to).
 *
 * <p>Thread contract: created on the thread that runs the test's callbacks; {@link #workers()} may be used from
 * any thread; {@link #claimTeardown()} lets exactly one caller tear down; the assertion-timeout scope is opened
 * and ended on the thread that runs the test's before- and after-each callbacks.
 */
public final class TestRun implements AutoCloseable {

    private final Layer settings;
    private final Scheduler clock;
    private final DeliveryLog log;
    private final TestWorkers workers;
    private final AtomicBoolean tornDown = new AtomicBoolean();
    private TimeoutScope assertionTimeout;
    private DefaultWorkerContext.Installation adoption;

    /**
     * A fresh run with {@code settings} (fully resolved) and a new log. With a virtual {@code clock} (a
     * {@code ManualClock} or a {@code Simulation}), the log is stamped by
     * it and the workers' default options schedule on it; with null, both use real time.
     */
    public TestRun(Layer settings, Scheduler clock) {
        this.settings = settings;
        this.clock = clock;
        this.log = clock == null ? DeliveryLog.create() : DeliveryLog.create(clock::nanoTime);
        WorkerOptions options = WorkerOptionsMapping.of(settings, log, clock == null);
        this.workers = new TestWorkers(log, clock == null ? options : options.scheduler(clock), settings.timeout());
    }

    /**
     * Makes the test's timeout the default of Courier assertions on the calling thread (the one that runs the
     * test), until {@link #endAssertionTimeoutScope()} is called on that thread.
     */
    public void scopeAssertionTimeoutToThisThread() {
        assertionTimeout = CourierAssertions.useDefaultTimeoutOnThisThread(settings.timeout());
    }

    /** Restores the calling thread's previous assertion timeout; called from the after-each callback. */
    public void endAssertionTimeoutScope() {
        if (assertionTimeout != null) {
            assertionTimeout.close();
            assertionTimeout = null;
        }
    }

    /**
     * Makes this run the default worker context of the calling thread (and the threads it creates): a
     * worker the code under test starts without a log joins this test's log, options and teardown.
     */
    public void adoptWorkersStartedOnThisThread() {
        adoption = DefaultWorkerContext.install(workers.options().log(log), workers::adopt);
    }

    /** Ends the default worker context; called from the after-each callback before teardown. */
    public void endAdoption() {
        if (adoption != null) {
            adoption.close();
            adoption = null;
        }
    }

    public Layer settings() {
        return settings;
    }

    public DeliveryLog log() {
        return log;
    }

    /** The test's virtual scheduler (manual clock or simulation), or null when the test runs on real time. */
    public Scheduler clock() {
        return clock;
    }

    public Workers workers() {
        return workers;
    }

    /** A new probe on the test's log. */
    public Probe probe() {
        return workers.probe();
    }

    TestWorkers testWorkers() {
        return workers;
    }

    /** True for the first caller only: the one that tears this run down. */
    boolean claimTeardown() {
        return tornDown.compareAndSet(false, true);
    }

    /** Terminates (without waiting) what a teardown did not close, e.g. when a callback before it failed. */
    @Override
    public void close() {
        if (!claimTeardown()) {
            return;
        }
        for (Worker worker : workers.all()) {
            worker.terminate();
        }
        for (Worker worker : workers.adopted()) {
            worker.terminate();
        }
        for (MessageChannel channel : workers.channels()) {
            channel.close();
        }
        workers.executors().forEach(ExecutorService::shutdownNow);
    }
}
