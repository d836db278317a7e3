package dev.courier.fuzz;

import dev.courier.fuzz.internal.ScheduleRunner;
import dev.courier.history.DeliveryLog;
import dev.courier.worker.WorkerOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Runs a {@link SendSchedule} against a real worker on a {@link dev.courier.sim.ManualClock}, deterministically:
 * the same schedule and options give the same history (up to the worker's process-wide thread id in its label).
 *
 * <p>The worker's script adds a message listener after the schedule's delay (a timer), and its listener stays
 * busy {@code slowness} ticks per message (waiting on the virtual clock), so messages queue behind it. Time
 * moves tick by tick (1 ms of virtual time each); at each tick the due timers fire first, then the senders post
 * in order, each message {@code "sender-<i> #<n>"} from the main side. After every step the run waits, bounded,
 * until the worker is idle (every message handled, dropped, or waiting behind a busy or absent listener), so
 * event order never depends on thread timing. At a restart tick the worker is terminated (its queue dropped
 * as TERMINATED) and a fresh one started, whose listener delay counts from that tick. When the plan is done and
 * nothing is left to deliver, the worker is terminated.
 *
 * <p>Thread contract: {@link #run} blocks the calling thread for the whole run; every wait is bounded (5 s of
 * real time per step) and a timeout throws {@link IllegalStateException} describing what was awaited.
 */
public final class ScheduleRun {

    /** One tick of virtual time. */
    public static final Duration TICK = Duration.ofMillis(1);

    private ScheduleRun() {
    }

    /**
     * Runs {@code schedule}; {@code options} supply name, codec, listener policy, capacity and overflow. The run
     * replaces their scheduler with its own {@code ManualClock} and their log with a fresh one on that clock,
     * which it returns.
     *
     * @throws IllegalArgumentException if {@code options} bound the queue with {@code OverflowPolicy.BLOCK}: a
     *                                  blocked sender would wait on real time while virtual time stands still
     */
    public static DeliveryLog run(SendSchedule schedule, WorkerOptions options) {
        return new ScheduleRunner(Objects.requireNonNull(schedule, "schedule"),
                Objects.requireNonNull(options, "options")).run();
    }
}
