package dev.courier.fuzz;

import dev.courier.fuzz.internal.ScheduleRunner;
import dev.courier.history.DeliveryLog;
import dev.courier.junit.Workers;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import dev.courier.worker.WorkerScript;
import java.time.Duration;
import java.util.Objects;

/**
 * Runs a {@link SendSchedule} against a worker under a {@link dev.courier.sim.Simulation}, deterministically: the
 * same schedule and options give the same history, event for event (times, message ids and worker labels
 * included: the first worker of a run is {@code <name>#1}, the one started at a restart {@code <name>#2}).
 *
 * <p>The worker's script adds a message listener after the schedule's delay (a timer), and its listener stays
 * busy {@code slowness} ticks per message, so messages queue behind it. Time moves tick by tick (1 ms of virtual
 * time each); at each tick the due timers fire first, then the senders post in order, each message
 * {@code "sender-<i> #<n>"} from the main side, and the simulation runs until idle after every post, so the
 * worker has handled, dropped or queued it before the next one. A busy listener plays the schedule on until its
 * busy time is over (the simulation skips the busy worker meanwhile, as a busy thread takes nothing new). At a
 * restart tick the worker is terminated (its queue dropped as TERMINATED; a message it was busy with is recorded
 * HANDLED THREW) and a fresh one started, whose listener delay counts from that tick. When the plan is done and
 * nothing is left to deliver, the worker is terminated. No thread is started and nothing waits on real time.
 *
 * <p>Thread contract: {@link #run} runs the whole schedule on the calling thread and returns when it is over.
 */
public final class ScheduleRun {

    /** One tick of virtual time. */
    public static final Duration TICK = ScheduleRunner.TICK;

    private ScheduleRun() {
    }

    /**
     * Runs {@code schedule}; {@code options} supply name, codec, listener policy, capacity and overflow. The run
     * replaces their scheduler with its own {@code Simulation} and their log with a fresh one on its virtual
     * clock, which it returns.
     *
     * @throws IllegalArgumentException if {@code options} bound the queue with {@code OverflowPolicy.BLOCK}: a
     *                                  blocked sender would stop the simulation, where nothing else runs meanwhile
     */
    public static DeliveryLog run(SendSchedule schedule, WorkerOptions options) {
        return Objects.requireNonNull(schedule, "schedule").runAgainst(options);
    }

    /** Like {@link #run(SendSchedule, WorkerOptions)}, against the user's {@code script} (see {@link SendSchedule}). */
    public static DeliveryLog run(SendSchedule schedule, WorkerScript script, WorkerOptions options) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(options, "options");
        return schedule.runAgainst(script, options);
    }

    /** See {@link SendSchedule#playOn(Workers, WorkerScript)}. */
    public static Worker playOn(SendSchedule schedule, Workers workers, WorkerScript script) {
        return Objects.requireNonNull(schedule, "schedule").playOn(workers, script);
    }
}
