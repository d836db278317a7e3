package dev.courier.fuzz.internal;

import dev.courier.history.DeliveryLog;
import dev.courier.junit.Workers;
import dev.courier.sim.Simulation;
import dev.courier.worker.MessagePort.MessageEvent;
import dev.courier.worker.OverflowPolicy;
import dev.courier.worker.QueueFullException;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import dev.courier.worker.WorkerScript;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Carries out a send schedule's run (see {@code ScheduleRun}) on a {@link Simulation}: plays the plan tick by tick, posting each message
 * due and running the simulation until idle after each, then moving virtual time to the next tick at which
 * something is due. A busy receiver plays the plan on from inside its listener until its busy time is over (the
 * simulation skips the busy worker meanwhile), so messages queue behind it exactly as behind a busy thread.
 *
 * <p>Thread contract: one run, entirely on the calling thread (the simulation runs the worker's steps there).
 */
public final class ScheduleRunner {

    /** One worker and no main-side listeners: no two loops ever compete, so any seed gives the same history. */
    private static final long SEED = 0L;
    /** One tick of virtual time. */
    public static final Duration TICK = Duration.ofMillis(1);
    private static final long TICK_NANOS = TICK.toNanos();

    /**
     * One message of the plan: posted by {@code sender} (from 0) at {@code tick}, with {@code text}.
     *
     * @param tick   the tick it is posted at
     * @param sender the sender's index, from 0
     * @param text   the message
     */
    public record Send(int tick, int sender, String text) {
    }

    /**
     * What a run plays: the messages (in any order; the run sorts them by tick, then sender), the built-in
     * receiver's listener delay and slowness in ticks, and the restart tick if any.
     *
     * @param sends         the messages to post
     * @param listenerDelay ticks from the script's start to adding the built-in listener
     * @param slowness      ticks the built-in receiver is busy with each message
     * @param restartAt     the tick at which the worker is terminated and restarted, if any
     */
    public record Plan(List<Send> sends, int listenerDelay, int slowness, OptionalInt restartAt) {
        /** Copies the messages in the order they are posted. */
        public Plan {
            sends = sends.stream().sorted(Comparator.comparingInt(Send::tick).thenComparingInt(Send::sender))
                    .toList();
            Objects.requireNonNull(restartAt, "restartAt");
        }
    }

    private final Plan schedule;
    private final WorkerOptions options;
    private final Simulation sim;
    private final DeliveryLog log;
    private final WorkerScript userScript; // null: the built-in receiver
    private final Function<WorkerOptions, Worker> starter;
    private final List<Send> plan;
    private Worker worker;
    private int tick;
    private int next;
    private boolean restartDue;

    /** A run of {@code schedule} against the built-in receiver with the settings of {@code options}. */
    public ScheduleRunner(Plan schedule, WorkerOptions options) {
        this(schedule, options, null, new Simulation(SEED), null);
    }

    /**
     * A run of {@code schedule} against {@code script} (null: the built-in receiver) on {@code sim}; workers are
     * started by {@code starter} (null: {@code Worker.start}, on a fresh log of the simulation).
     */
    public ScheduleRunner(Plan schedule, WorkerOptions options, WorkerScript script, Simulation sim,
                          Function<WorkerOptions, Worker> starter) {
        if (options.isBounded() && options.overflow() == OverflowPolicy.BLOCK) {
            throw new IllegalArgumentException("ScheduleRun cannot use capacity " + options.capacity()
                    + " with OverflowPolicy.BLOCK: a blocked sender would stop the simulation, where nothing else runs"
                    + " while it waits; use DROP_NEWEST, DROP_OLDEST or FAIL");
        }
        this.schedule = schedule;
        this.sim = sim;
        this.userScript = script;
        this.log = starter == null ? DeliveryLog.create(sim::nanoTime) : options.log();
        this.options = starter == null ? options.scheduler(sim).log(log) : options;
        this.starter = starter;
        this.plan = schedule.sends();
        this.restartDue = schedule.restartAt().isPresent();
    }

    /**
     * Plays {@code schedule} into a worker of {@code script} started by {@code workers}, on their simulation, and
     * returns the worker left running.
     *
     * @throws IllegalArgumentException if {@code workers} do not schedule on a {@code Simulation}
     */
    public static Worker playOn(Plan schedule, Workers workers, WorkerScript script) {
        if (!(workers.options().scheduler() instanceof Simulation sim)) {
            throw new IllegalArgumentException("SendSchedule.playOn needs Workers on a Simulation, but they schedule "
                    + "on " + workers.options().scheduler() + "; declare a Simulation parameter in the test");
        }
        return new ScheduleRunner(schedule, workers.options(), script, sim,
                options -> workers.start(script, options)).play();
    }

    /** Plays the schedule and returns the worker it left running (the last one started, after any restart). */
    public Worker play() {
        start();
        play(Integer.MAX_VALUE, false);
        return worker;
    }

    /** Runs the schedule and returns its history. */
    public DeliveryLog run() {
        try {
            start();
            play(Integer.MAX_VALUE, false);
        } finally {
            if (worker != null) {
                stop();
            }
        }
        return log;
    }

    /**
     * Plays ticks before {@code until}: at each, the restart if due, then the posts in order, each followed by
     * running the simulation until idle. From a busy listener ({@code busy}), stops once virtual time reaches
     * {@code until}, or at once when the restart comes due: it terminates the busy worker and returns false.
     */
    private boolean play(int until, boolean busy) {
        while (true) {
            if (restartDue && schedule.restartAt().getAsInt() == tick) {
                if (busy) {
                    worker.terminate();
                    return false;
                }
                restartDue = false;
                stop();
                start();
            }
            // A busy listener may play on (and move the tick) inside runUntilIdle: this tick's posts stay this tick's.
            int at = tick;
            while (next < plan.size() && plan.get(next).tick() == at) {
                post(plan.get(next++).text());
                sim.runUntilIdle();
            }
            int following = following();
            if (following < 0 || following >= until) {
                if (busy) {
                    moveTo(until);
                }
                return true;
            }
            moveTo(following);
        }
    }

    private void moveTo(int at) {
        tick = at;
        sim.advance(Duration.ofNanos(Math.max(0L, at * TICK_NANOS - sim.nanoTime())));
    }

    /** The next tick at which something is due, or -1 when nothing is left. */
    private int following() {
        long due = Long.MAX_VALUE;
        if (next < plan.size()) {
            due = plan.get(next).tick();
        }
        if (restartDue) {
            due = Math.min(due, schedule.restartAt().getAsInt());
        }
        OptionalLong timer = sim.nextDueNanos();
        if (timer.isPresent()) {
            due = Math.min(due, Math.max(tick, -Math.floorDiv(-timer.getAsLong(), TICK_NANOS)));
        }
        return due == Long.MAX_VALUE ? -1 : (int) due;
    }

    private void post(String text) {
        try {
            worker.postMessage(text);
        } catch (QueueFullException full) {
            // recorded by the port (DROPPED OVERFLOW); the schedule goes on like a sender that ignores it
        }
    }

    private void start() {
        WorkerScript script = userScript != null ? userScript : script();
        worker = starter == null ? Worker.start(script, options) : starter.apply(options);
        sim.runUntilIdle();
    }

    private WorkerScript script() {
        int slowness = schedule.slowness();
        int delay = schedule.listenerDelay();
        return ctx -> {
            Consumer<MessageEvent> listener = event -> {
                if (slowness > 0 && !play(tick + slowness, true)) {
                    throw new IllegalStateException("interrupted while busy with a message (worker terminated)");
                }
            };
            if (delay == 0) {
                ctx.parentPort().onMessage(listener);
            } else {
                ctx.setTimeout(() -> ctx.parentPort().onMessage(listener), TICK.multipliedBy(delay));
            }
        };
    }

    private void stop() {
        if (!worker.terminate().isDone()) {
            throw new IllegalStateException("schedule run: worker " + worker + " did not exit after terminate() at"
                    + " tick " + tick + " under " + sim);
        }
        worker = null;
    }
}
