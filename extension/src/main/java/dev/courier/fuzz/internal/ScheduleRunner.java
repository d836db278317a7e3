package dev.courier.fuzz.internal;

import dev.courier.fuzz.ScheduleRun;
import dev.courier.fuzz.SendSchedule;
import dev.courier.fuzz.SendSchedule.Burst;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.sim.ManualClock;
import dev.courier.worker.ListenerPolicy;
import dev.courier.worker.MessageEvent;
import dev.courier.worker.OverflowPolicy;
import dev.courier.worker.QueueFullException;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import dev.courier.worker.WorkerScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Carries out {@link ScheduleRun#run}: steps a {@link ManualClock} from one tick where something is due to the
 * next, posts the messages due, and after each step waits (bounded) until the {@link ScheduleTracker} says the
 * worker has settled. See {@link ScheduleRun} for the semantics.
 *
 * <p>Thread contract: one run, on the calling thread; the worker's listener runs on the worker thread.
 */
public final class ScheduleRunner {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(5);
    private static final long TICK_NANOS = ScheduleRun.TICK.toNanos();

    private record Send(int tick, int sender, String text) {
    }

    private final SendSchedule schedule;
    private final WorkerOptions options;
    private final ManualClock clock = new ManualClock();
    private final DeliveryLog log = DeliveryLog.create(clock::nanoTime);
    private final ScheduleTracker tracker;
    private Worker worker;
    private int tick;

    /** A run of {@code schedule} with the settings of {@code options}. */
    public ScheduleRunner(SendSchedule schedule, WorkerOptions options) {
        if (options.isBounded() && options.overflow() == OverflowPolicy.BLOCK) {
            throw new IllegalArgumentException("ScheduleRun cannot use capacity " + options.capacity()
                    + " with OverflowPolicy.BLOCK: a blocked sender waits on real time while virtual time stands"
                    + " still; use DROP_NEWEST, DROP_OLDEST or FAIL");
        }
        this.schedule = schedule;
        this.options = options.scheduler(clock).log(log);
        this.tracker = new ScheduleTracker(options.listenerPolicy() == ListenerPolicy.QUEUE_UNTIL_STARTED,
                schedule.slowness(), TICK_NANOS);
    }

    /** Runs the schedule and returns its history. */
    public DeliveryLog run() {
        List<Send> plan = plan();
        int next = 0;
        boolean restartDue = schedule.restartAt().isPresent();
        try (VirtualWait busy = new VirtualWait(clock)) {
            start(busy);
            while (true) {
                if (restartDue && schedule.restartAt().getAsInt() == tick) {
                    restartDue = false;
                    stop();
                    start(busy);
                }
                for (; next < plan.size() && plan.get(next).tick() == tick; next++) {
                    post(plan.get(next).text());
                    settle();
                }
                int following = following(plan, next, restartDue);
                if (following < 0) {
                    break;
                }
                clock.advance(ScheduleRun.TICK.multipliedBy(following - tick));
                tick = following;
                settle();
            }
        } finally {
            if (worker != null) {
                stop();
            }
        }
        return log;
    }

    private List<Send> plan() {
        List<Send> plan = new ArrayList<>();
        for (int sender = 0; sender < schedule.senders().size(); sender++) {
            int at = 0;
            int count = 0;
            for (Burst burst : schedule.senders().get(sender).bursts()) {
                at += burst.pause();
                for (int i = 0; i < burst.count(); i++) {
                    plan.add(new Send(at, sender, "sender-" + (sender + 1) + " #" + ++count));
                }
            }
        }
        plan.sort(Comparator.comparingInt(Send::tick).thenComparingInt(Send::sender));
        return plan;
    }

    /** The next tick at which something is due, or -1 when the run is over. */
    private int following(List<Send> plan, int next, boolean restartDue) {
        int due = Integer.MAX_VALUE;
        if (next < plan.size()) {
            due = plan.get(next).tick();
        }
        if (restartDue) {
            due = Math.min(due, schedule.restartAt().getAsInt());
        }
        if (tracker.listenerPending()) {
            due = Math.min(due, tracker.listenerTick());
        }
        if (tracker.busyUntil() > tick) {
            due = Math.min(due, tracker.busyUntil());
        }
        return due == Integer.MAX_VALUE ? -1 : due;
    }

    private void post(String text) {
        try {
            worker.postMessage(text);
        } catch (QueueFullException full) {
            // recorded by the port (DROPPED OVERFLOW); the schedule goes on like a sender that ignores it
        }
    }

    private void start(VirtualWait busy) {
        CountDownLatch started = new CountDownLatch(1);
        worker = Worker.start(script(busy, started), options);
        try {
            if (!started.await(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("schedule run: worker " + worker + " did not run its script within "
                        + STEP_TIMEOUT + " at tick " + tick);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("schedule run interrupted while starting the worker", e);
        }
        tracker.receiver(worker.label(), tick + schedule.listenerDelay());
        settle();
    }

    private WorkerScript script(VirtualWait busy, CountDownLatch started) {
        int slowness = schedule.slowness();
        int delay = schedule.listenerDelay();
        return ctx -> {
            Consumer<MessageEvent> listener = event -> {
                if (slowness > 0) {
                    busy.until(deliveredAt(ctx.log().snapshot(), event.messageId()) + slowness * TICK_NANOS);
                }
            };
            if (delay == 0) {
                ctx.parentPort().onMessage(listener);
            } else {
                ctx.setTimeout(() -> ctx.parentPort().onMessage(listener), ScheduleRun.TICK.multipliedBy(delay));
            }
            started.countDown();
        };
    }

    // The DELIVERED event's time, not "now": the run may move the clock once that event is recorded.
    private static long deliveredAt(HistorySnapshot history, long messageId) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.kind(i) == EventKind.DELIVERED && history.messageId(i) == messageId) {
                return history.timeNanos(i);
            }
        }
        throw new IllegalStateException("message " + messageId + " is being handled but was never delivered");
    }

    private void stop() {
        try {
            worker.terminate().get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("schedule run: worker " + worker + " did not exit within " + STEP_TIMEOUT
                    + " of terminate() at tick " + tick, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("schedule run interrupted while stopping the worker", e);
        }
        tracker.scan(log.snapshot());
        worker = null;
    }

    private void settle() {
        int at = tick;
        try {
            if (!log.await(history -> tracker.settled(history, at), STEP_TIMEOUT)) {
                throw new IllegalStateException("schedule run: worker " + worker + " did not settle within "
                        + STEP_TIMEOUT + " " + tracker.describe(at) + "; live: " + log.liveStates());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("schedule run interrupted " + tracker.describe(at), e);
        }
    }
}
