package dev.courier.worker;

import dev.courier.worker.internal.Names;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The seam through which the runtime reaches threads and time, and nothing else does: every timer deadline
 * and event-loop wait is computed from {@link #nanoTime()}, and {@link #loopHost()} decides who runs the event
 * loops (workers and main-side dispatchers). {@link #system()} is real threads on real time (the default):
 * every loop gets a thread from {@link #newThread}. {@code dev.courier.sim.ManualClock} keeps real threads
 * but moves time only when a test advances it. {@code dev.courier.sim.Simulation} runs every loop itself, one
 * step at a time on the thread that drives it, in an order decided by a seed, on a virtual clock.
 *
 * <p>A loop on its own thread waits for its next timer by asking {@link #realWaitNanos(long)} how long it may
 * block in real time; a virtual clock answers "until woken" and wakes it through {@link #onTimeAdvance}.
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

    /** An unstarted thread with the given name that runs {@code body}; asked only when {@link #loopHost()} is null. */
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

    /**
     * How much later than asked a timer being set (with {@code delayNanos}) fires: 0 by default; a simulation
     * driven by scheduling choices may make it late, as a loaded machine would.
     */
    default long timerLatenessNanos(long delayNanos) {
        return 0L;
    }

    /** The time base of the runtime's hang guards; real time unless a simulation replaces it. */
    default long guardNanoTime() {
        return System.nanoTime();
    }

    /**
     * Who runs the event loops: null (the default) gives every loop a thread of its own from
     * {@link #newThread}, blocking while idle; a simulation returns the host that runs all loops' steps itself.
     * Asked once per loop, when it is made.
     */
    default LoopHost loopHost() {
        return null;
    }

    /**
     * The id of the next worker started on this scheduler, the {@code <id>} of its label {@code <name>#<id>}:
     * unique in the process, from 1, by default; a simulation counts from 1 per simulation so its histories
     * repeat exactly.
     */
    default int nextWorkerId() {
        return Names.nextThreadId();
    }

    /**
     * An event loop as a {@link LoopHost} runs it: one step (the script, a task, a due timer, or the loop's
     * end) at a time. Thread contract: {@link #runStep()} is called only by the host, on the thread that drives
     * it; the other methods may be called from any thread and never block beyond a short lock.
     */
    interface HostedLoop {

        /** The loop's name (the thread name it would have on real threads), for reports. */
        String name();

        /**
         * When the loop's next step is due, on the scheduler's clock: {@link Long#MIN_VALUE} when one is due
         * now (work queued, a stop requested, nothing left to keep it alive), a timer's deadline, or
         * {@link Long#MAX_VALUE} when it waits for work from outside (or has ended).
         */
        long nextStepAt();

        /** Runs the step that is due, if any, on the calling thread; contains the loop's own failures. */
        void runStep();

        /** Whether the loop has ended for good (it will never have a step again). */
        boolean hasEnded();
    }

    /**
     * Runs {@link HostedLoop}s without threads of their own. Thread contract: {@link #ready} may be called from
     * any thread and never blocks; the other methods concern the calling thread.
     */
    interface LoopHost {

        /** {@code loop} may have a step due (work added, stop requested, listeners changed); first call attaches it. */
        void ready(HostedLoop loop);

        /** Whether the calling thread is running a step of {@code loop} now (the innermost step). */
        boolean isRunning(HostedLoop loop);

        /** Whether the calling thread is running any step of this host now. */
        boolean inStep();

        /**
         * Instead of blocking for {@code operation}: runs the loops (those whose steps are in progress on the
         * calling thread excepted) until {@code done} holds, moving virtual time at most {@code maxAdvance}.
         * Returns whether {@code done} holds.
         */
        boolean runUntil(String operation, BooleanSupplier done, Duration maxAdvance);

        /** The exception for an operation that would have to block and cannot wait under this host. */
        IllegalStateException cannotBlock(String operation);
    }
}

/**
 * The system scheduler: real platform threads on {@link System#nanoTime()}. Kept in this file, package-private,
 * so the public seam and its default implementation depend on nothing in {@code worker.internal} that depends
 * back on them. Stateless and thread-safe.
 */
final class SystemScheduler implements Scheduler {

    /** The one instance. */
    static final SystemScheduler INSTANCE = new SystemScheduler();

    private static final Runnable NOTHING = () -> { };

    private SystemScheduler() {
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Thread newThread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public long realWaitNanos(long deadlineNanos) {
        return deadlineNanos - System.nanoTime();
    }

    @Override
    public Runnable onTimeAdvance(Runnable wakeUp) {
        return NOTHING;
    }

    @Override
    public String toString() {
        return "Scheduler.system()";
    }
}
