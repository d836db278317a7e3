package dev.courier.worker;

import dev.courier.worker.internal.SystemScheduler;

/**
 * The seam through which the runtime reaches threads and time, and nothing else does: every worker
 * thread and dispatcher thread is made by {@link #newThread}, every timer deadline and event-loop wait is
 * computed from {@link #nanoTime()}. {@link #system()} is real threads on real time (the default);
 * {@code dev.courier.sim.ManualClock} keeps real threads but moves time only when a test advances it, so
 * timers fire exactly when the test says.
 *
 * <p>Event loops wait for their next timer by asking {@link #realWaitNanos(long)} how long they may block
 * in real time; a virtual clock answers "until woken" and wakes them through {@link #onTimeAdvance}.
 *
 * <p>Safety bounds that only guard against hangs (close() drain, BLOCK overflow, stop after interrupt)
 * are measured with {@link #guardNanoTime()}, real time by default, so that a test on a frozen virtual
 * clock still fails in bounded time instead of hanging.
 *
 * <p>Thread contract: implementations are called from many threads at once, must be thread-safe and
 * must not block.
 */
public interface Scheduler {

    /** Real threads, real time. */
    static Scheduler system() {
        return SystemScheduler.INSTANCE;
    }

    /** Monotonic time in nanoseconds; timers and (by default) the delivery log are stamped with it. */
    long nanoTime();

    /** An unstarted thread with the given name that runs {@code body}. */
    Thread newThread(String name, Runnable body);

    /**
     * How long, in real nanoseconds, an event loop may block waiting for {@code deadlineNanos} (a
     * {@link #nanoTime()} value): zero or less if already due, {@link Long#MAX_VALUE} for "until woken".
     */
    long realWaitNanos(long deadlineNanos);

    /**
     * Registers a call made whenever time moves other than by real time passing (a virtual clock being
     * advanced). Returns the action that unregisters it.
     */
    Runnable onTimeAdvance(Runnable wakeUp);

    /** The time base of the runtime's hang guards; real time unless a simulation replaces it. */
    default long guardNanoTime() {
        return System.nanoTime();
    }
}
