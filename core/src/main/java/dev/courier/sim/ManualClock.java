package dev.courier.sim;

import dev.courier.worker.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A virtual clock for the runtime's {@link Scheduler} seam: threads are real, but time stands still
 * until {@link #advance(Duration)} moves it. A worker timer fires only once the clock has been advanced
 * past its deadline, so timer behaviour is tested without waiting on real time. Pass it as
 * {@code WorkerOptions.defaults().scheduler(clock)}; the worker's default log is then stamped by it.
 *
 * <p>Thread contract: every method may be called from any thread. {@link #advance} publishes the new
 * time before it wakes the waiting event loops, so a loop woken by it sees at least that time.
 */
public final class ManualClock implements Scheduler {

    private final AtomicLong now;
    private final CopyOnWriteArrayList<Runnable> wakeUps = new CopyOnWriteArrayList<>();

    /** A clock at time zero. */
    public ManualClock() {
        this(0L);
    }

    /** A clock at the given time, in nanoseconds. */
    public ManualClock(long startNanos) {
        this.now = new AtomicLong(startNanos);
    }

    @Override
    public long nanoTime() {
        return now.get();
    }

    /** Moves time forward and wakes every event loop so due timers fire. */
    public void advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative()) {
            throw new IllegalArgumentException("a monotonic clock cannot go back: advance(" + by + ")");
        }
        now.addAndGet(by.toNanos());
        for (Runnable wakeUp : wakeUps) {
            wakeUp.run();
        }
    }

    /** Real threads, as the system scheduler makes them: only time is manual. */
    @Override
    public Thread newThread(String name, Runnable body) {
        return Scheduler.system().newThread(name, body);
    }

    @Override
    public long realWaitNanos(long deadlineNanos) {
        return deadlineNanos <= now.get() ? 0L : Long.MAX_VALUE;
    }

    @Override
    public Runnable onTimeAdvance(Runnable wakeUp) {
        Objects.requireNonNull(wakeUp, "wakeUp");
        wakeUps.add(wakeUp);
        return () -> wakeUps.remove(wakeUp);
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + " ns]";
    }
}
