package dev.courier.sim;

import dev.courier.worker.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Deterministic simulation: a {@link Scheduler} that runs every worker, main-side dispatcher and channel of the
 * runtime without threads, on a virtual clock. Loops hand their work to the simulation's run queue; the
 * simulation runs one step at a time (a script, a message to a listener, a timer, a main-side event, a loop's
 * end) on the thread that calls {@link #step()}, {@link #runUntilIdle()}, {@link #advance(Duration)} or
 * {@link #runUntil(BooleanSupplier, Duration)}. When several loops have a step due at the same virtual moment,
 * the seed picks which runs first, so the same seed and the same program give the same history (event kinds,
 * order, times, message ids and labels: worker ids count from 1 per simulation), and other seeds explore other
 * interleavings. Timers fire only when virtual time reaches them; nothing sleeps.
 *
 * <pre>{@code
 * Simulation sim = new Simulation(42);
 * Worker worker = Worker.start(script, WorkerOptions.defaults().scheduler(sim));
 * worker.postMessage("hello");     // queued: nothing runs until the simulation is driven
 * sim.runUntilIdle();              // the script, then the message, on this thread
 * sim.advance(Duration.ofSeconds(1));  // timers due within the next second fire, in deadline order
 * }</pre>
 *
 * <p>What would block runs the simulation instead: {@code Worker.close()} runs it until the worker has drained
 * and ended, {@code Worker.terminate()} (called outside a step) until the worker has exited. A full queue under
 * {@code OverflowPolicy.BLOCK} cannot wait (nothing else runs meanwhile): the message is dropped (OVERFLOW) and
 * an {@link IllegalStateException} names the simulation. Code that blocks its thread (latches, sleeps, futures'
 * {@code get}) blocks the whole simulation and must not be used in scripts or listeners; a listener may call
 * this simulation's run methods itself to model a slow handler: the other loops run meanwhile, the loops whose
 * steps are in progress do not. Every run call stops with an {@link IllegalStateException} after
 * {@value #STEP_LIMIT} steps without going idle (a loop that keeps rescheduling itself at the same instant).
 *
 * <p>Thread contract: one thread at a time drives the simulation (runs steps); a second thread calling a run
 * method meanwhile gets an {@link IllegalStateException}. Posting, listening and starting workers may happen on
 * any thread and never block, but only what the driving thread does between runs is deterministic. A step's
 * effects happen-before the next step and before the run method returns.
 */
public final class Simulation implements Scheduler {

    /** Steps one run call may take without going idle before it is stopped as runaway. */
    public static final long STEP_LIMIT = 1_000_000L;

    /** The unit of a timer's lateness under a driven simulation: 1 ms of virtual time. */
    public static final Duration LATENESS_UNIT = Duration.ofMillis(1);

    private final long seed;
    private final SchedulingChoices choices;
    private final long maxLateUnits;
    private final Interleaving trace;
    private volatile IntSupplier mark = () -> 0;
    private final StepRunner runner;
    private final SimulationHost host;
    private final CopyOnWriteArrayList<Runnable> wakeUps = new CopyOnWriteArrayList<>();
    private volatile Thread driver;
    private volatile long now;
    private int workerIds;

    /** A simulation at virtual time zero whose interleavings are decided by {@code seed}. */
    public Simulation(long seed) {
        this(seed, null, Duration.ZERO);
    }

    private Simulation(long seed, SchedulingChoices choices, Duration maxTimerLateness) {
        this.seed = seed;
        this.choices = choices;
        this.maxLateUnits = maxTimerLateness.toNanos() / LATENESS_UNIT.toNanos();
        this.trace = choices == null ? null : new Interleaving();
        this.runner = new StepRunner(this::nanoTime, this::toString, STEP_LIMIT, seed, choices, trace,
                () -> mark.getAsInt());
        this.host = new SimulationHost();
    }

    /**
     * A simulation whose every scheduling decision is taken from {@code choices} instead of a seed: which of the
     * loops with a step due runs next (among them in round-robin order), and how late each timer fires, in whole
     * {@link #LATENESS_UNIT}s up to {@code maxTimerLateness} (zero: always on time). The same answers give the
     * same run; {@link #interleaving()} records it. This is how a fuzz try explores interleavings, and how
     * {@link Exploration} enumerates them.
     */
    public static Simulation driven(SchedulingChoices choices, Duration maxTimerLateness) {
        Objects.requireNonNull(choices, "choices");
        Objects.requireNonNull(maxTimerLateness, "maxTimerLateness");
        if (maxTimerLateness.isNegative()) {
            throw new IllegalArgumentException("maxTimerLateness must be zero or more, was " + maxTimerLateness);
        }
        return new Simulation(0L, choices, maxTimerLateness);
    }

    /** The interleaving run so far, when {@link #driven driven} by choices; empty for a seeded simulation. */
    public Optional<Interleaving> interleaving() {
        return Optional.ofNullable(trace);
    }

    /**
     * Takes {@code mark} (for example {@code log::size}) just before every step of a driven simulation, so a
     * report can tell which events each step recorded ({@link Interleaving#markBefore}).
     */
    public void markStepsWith(IntSupplier mark) {
        this.mark = Objects.requireNonNull(mark, "mark");
    }

    /** Driven: how late the timer being set fires, chosen and recorded; otherwise 0. */
    @Override
    public long timerLatenessNanos(long delayNanos) {
        if (choices == null || maxLateUnits == 0) {
            return 0L;
        }
        int units = choices.choose((int) Math.min(Integer.MAX_VALUE, maxLateUnits + 1));
        if (units == 0) {
            return 0L;
        }
        long late = units * LATENESS_UNIT.toNanos();
        String loop = runner.current();
        trace.lateTimer(new Interleaving.LateTimer(loop == null ? 0 : runner.steps(), loop, late));
        return late;
    }

    public long seed() {
        return seed;
    }

    /** Virtual time, in nanoseconds from the simulation's start. */
    @Override
    public long nanoTime() {
        return now;
    }

    /** Steps run so far. */
    public long steps() {
        return runner.steps();
    }

    /** Runs one step due now, chosen by the seed among the loops that have one; false if none is due. */
    public boolean step() {
        Thread outer = enter("step()");
        try {
            return runner.runOne();
        } finally {
            driver = outer;
        }
    }

    /** Runs steps due now until none is left; virtual time stands still. Returns the steps run. */
    public long runUntilIdle() {
        Thread outer = enter("runUntilIdle()");
        try {
            long since = runner.steps();
            runner.runDue(since);
            return runner.steps() - since;
        } finally {
            driver = outer;
        }
    }

    /**
     * Moves virtual time forward by {@code by}: runs what is due now, then jumps from one timer deadline within
     * the span to the next, running everything due at each, and ends at now + {@code by}. Returns the steps run.
     */
    public long advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative()) {
            throw new IllegalArgumentException("virtual time cannot go back: advance(" + by + ")");
        }
        Thread outer = enter("advance(" + by + ")");
        try {
            long since = runner.steps();
            long target = later(now, by);
            runner.runDue(since);
            for (long next = runner.nextDue(); next <= target; next = runner.nextDue()) {
                moveTo(next);
                runner.runDue(since);
            }
            moveTo(target);
            return runner.steps() - since;
        } finally {
            driver = outer;
        }
    }

    /**
     * Runs steps, moving virtual time to the next timer whenever nothing is due now, until {@code condition}
     * holds (checked before every step) or nothing more is due within {@code maxAdvance} of virtual time.
     * Returns whether the condition holds; time is left where the last step ran.
     */
    public boolean runUntil(BooleanSupplier condition, Duration maxAdvance) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(maxAdvance, "maxAdvance");
        return runUntil("runUntil(..., " + maxAdvance + ")", condition, maxAdvance);
    }

    /** When the next step is due: now if one is due now, else the earliest timer; empty if nothing is pending. */
    public OptionalLong nextDueNanos() {
        long next = runner.nextDue();
        return next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(Math.max(next, now));
    }

    // Also how the runtime's blocking operations run the simulation (through the loop host).
    private boolean runUntil(String operation, BooleanSupplier condition, Duration maxAdvance) {
        Thread outer = enter(operation);
        try {
            long since = runner.steps();
            long limit = later(now, maxAdvance);
            while (!condition.getAsBoolean()) {
                if (runner.runOne()) {
                    runner.checkLimit(since, operation);
                    continue;
                }
                long next = runner.nextDue();
                if (next > limit) {
                    return false;
                }
                moveTo(next);
            }
            return true;
        } finally {
            driver = outer;
        }
    }

    private Thread enter(String operation) {
        Thread me = Thread.currentThread();
        synchronized (this) {
            Thread outer = driver;
            if (outer != null && outer != me) {
                throw new IllegalStateException(operation + " called on thread " + me.getName() + " while thread "
                        + outer.getName() + " runs " + this + "; drive a simulation from one thread at a time");
            }
            driver = me;
            return outer;
        }
    }

    private void moveTo(long time) {
        if (time > now) {
            now = time;
            for (Runnable wakeUp : wakeUps) {
                wakeUp.run();
            }
        }
    }

    private static long later(long base, Duration by) {
        try {
            return Math.addExact(base, by.toNanos());
        } catch (ArithmeticException tooFar) {
            return Long.MAX_VALUE - 1;
        }
    }

    @Override
    public LoopHost loopHost() {
        return host;
    }

    @Override
    public synchronized int nextWorkerId() {
        return ++workerIds;
    }

    /** Never called by the runtime (the simulation hosts every loop); refuses, naming the thread asked for. */
    @Override
    public Thread newThread(String name, Runnable body) {
        throw new IllegalStateException(this + " runs event loops as steps, without threads; thread " + name
                + " was asked for");
    }

    @Override
    public long realWaitNanos(long deadlineNanos) {
        return deadlineNanos <= now ? 0L : Long.MAX_VALUE;
    }

    @Override
    public Runnable onTimeAdvance(Runnable wakeUp) {
        Objects.requireNonNull(wakeUp, "wakeUp");
        wakeUps.add(wakeUp);
        return () -> wakeUps.remove(wakeUp);
    }

    @Override
    public String toString() {
        return (choices == null ? "Simulation[seed " + seed : "Simulation[driven") + ", at " + now + " ns]";
    }

    /**
     * The runtime's view of this simulation: loops report readiness here and blocking operations run it.
     *
     * <p>Thread contract: {@link #ready} and {@link #cannotBlock} may be called from any thread;
     * {@link #isRunning} and {@link #inStep} answer false on any thread but the driving one; {@link #runUntil}
     * drives the simulation (refused on a second thread while one drives).
     */
    private final class SimulationHost implements LoopHost {

        @Override
        public void ready(HostedLoop loop) {
            runner.ready(loop);
        }

        @Override
        public boolean isRunning(HostedLoop loop) {
            return Thread.currentThread() == driver && runner.isRunning(loop);
        }

        @Override
        public boolean inStep() {
            return Thread.currentThread() == driver && runner.inStep();
        }

        @Override
        public boolean runUntil(String operation, BooleanSupplier done, Duration maxAdvance) {
            return Simulation.this.runUntil(operation, done, maxAdvance);
        }

        @Override
        public IllegalStateException cannotBlock(String operation) {
            return new IllegalStateException(operation + " would block, but under " + Simulation.this
                    + " nothing else runs while a sender waits, so space could never free up; use OverflowPolicy"
                    + " DROP_NEWEST, DROP_OLDEST or FAIL, or a larger capacity");
        }
    }
}
