package dev.courier.worker.internal;

import dev.courier.history.DropCause;
import dev.courier.worker.Scheduler;
import dev.courier.worker.TimerHandle;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link WorkerLoop}'s pending work and stop state: tasks (messages, immediates) in submission order,
 * timers by deadline, the first stop request, and whether the loop has ended. Each task or timer is a
 * {@link Timer}, the handle its submitter may cancel.
 *
 * <p>Thread contract: all state is guarded by one lock; every method may be called from any thread and
 * blocks only on that lock, except {@link #next(boolean)} with {@code mayWait}, called on the loop's own
 * thread, which waits while nothing is due, until new work, a stop request, {@link #signal()} or the next
 * timer's real-time wait. Adding a task happens-before {@link #next} returns it.
 */
final class TaskQueue {

    /** Returned by {@link #next(boolean)} when nothing is due yet and it may not wait. */
    static final Timer NOTHING_DUE = new Timer(null, "nothing due", () -> { }, 0L);

    private final Scheduler scheduler;
    private final LoopMembers members;
    private final Runnable cancelled;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final ArrayDeque<Timer> tasks = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long timerCount;
    private boolean ended;
    private Stop stop;

    /** A stop request: the exit code, and the cause to drop queued messages with. */
    record Stop(int code, DropCause cause) { }

    /** @param cancelled run after a pending task or timer was cancelled (a hosted loop tells its host) */
    TaskQueue(Scheduler scheduler, LoopMembers members, Runnable cancelled) {
        this.scheduler = scheduler;
        this.members = members;
        this.cancelled = cancelled;
    }

    /**
     * Queues {@code task}, named {@code what}, to run at {@code deadline} on the scheduler's clock
     * ({@code timed}) or after the tasks queued before it; returns its handle, or null if the loop has ended.
     */
    Timer add(String what, Runnable task, long deadline, boolean timed) {
        Timer timer = new Timer(this, what, task, deadline);
        lock.lock();
        try {
            if (ended) {
                return null;
            }
            timer.order = ++timerCount;
            if (timed) {
                timers.add(timer);
            } else {
                tasks.addLast(timer);
            }
            wakeUp.signal();
            return timer;
        } finally {
            lock.unlock();
        }
    }

    /** Returns null when the loop should end; {@link #NOTHING_DUE} when it would have to wait and may not. */
    Timer next(boolean mayWait) {
        lock.lock();
        try {
            while (true) {
                if (stop != null) {
                    return null;
                }
                Timer task = tasks.pollFirst();
                if (task != null) {
                    task.fired = true;
                    return task;
                }
                Timer due = timers.peek();
                if (due != null && due.deadline <= scheduler.nanoTime()) {
                    timers.poll();
                    due.fired = true;
                    return due;
                }
                if (due == null && !members.keepAlive()) {
                    return null;
                }
                if (!mayWait) {
                    return NOTHING_DUE;
                }
                long wait = due == null ? Long.MAX_VALUE : scheduler.realWaitNanos(due.deadline);
                try {
                    if (wait == Long.MAX_VALUE) {
                        wakeUp.await();
                    } else if (wait > 0) {
                        wakeUp.awaitNanos(wait);
                    }
                } catch (InterruptedException stray) {
                    // A stop request is seen at the top of the loop; any other interrupt is not an event.
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Hosted: when the loop's next step is due (see {@link Scheduler.HostedLoop#nextStepAt()}). */
    long nextStepAt(boolean begun) {
        lock.lock();
        try {
            if (ended) {
                return Long.MAX_VALUE;
            }
            if (!begun || stop != null || !tasks.isEmpty()) {
                return Long.MIN_VALUE;
            }
            Timer due = timers.peek();
            if (due != null) {
                return due.deadline;
            }
            return members.keepAlive() ? Long.MAX_VALUE : Long.MIN_VALUE;
        } finally {
            lock.unlock();
        }
    }

    /** Cancels a pending task or timer; false if it already ran or was cancelled. */
    private boolean cancel(Timer timer) {
        lock.lock();
        try {
            if (timer.fired || timer.cancelled) {
                return false;
            }
            timer.cancelled = true;
            timers.remove(timer);
            tasks.remove(timer);
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
        cancelled.run();
        return true;
    }

    private boolean isPending(Timer timer) {
        lock.lock();
        try {
            return !timer.fired && !timer.cancelled && !ended;
        } finally {
            lock.unlock();
        }
    }

    /** Records a stop request; false if one was already made or the loop has ended (the first wins). */
    boolean stop(int code, DropCause cause) {
        lock.lock();
        try {
            if (stop != null || ended) {
                return false;
            }
            stop = new Stop(code, cause);
            wakeUp.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    boolean stopRequested() {
        lock.lock();
        try {
            return stop != null;
        } finally {
            lock.unlock();
        }
    }

    /** Marks the loop ended and forgets what is pending. Returns the stop request, or null if none was made. */
    Stop end() {
        lock.lock();
        try {
            ended = true;
            tasks.clear();
            timers.clear();
            return stop;
        } finally {
            lock.unlock();
        }
    }

    boolean hasEnded() {
        lock.lock();
        try {
            return ended;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the loop's thread if it waits, so it re-checks what is due. */
    void signal() {
        lock.lock();
        try {
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Pending timers plus queued tasks. */
    int size() {
        lock.lock();
        try {
            return timers.size() + tasks.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A task or timer queued here, and its handle. Its mutable state is guarded by the queue's lock. Ordered
     * by deadline, then by submission.
     */
    static final class Timer implements TimerHandle, Comparable<Timer> {

        private final TaskQueue queue;
        final String what;
        final Runnable task;
        final long deadline;
        long order;
        boolean fired;
        boolean cancelled;

        private Timer(TaskQueue queue, String what, Runnable task, long deadline) {
            this.queue = queue;
            this.what = what;
            this.task = task;
            this.deadline = deadline;
        }

        @Override
        public boolean cancel() {
            return queue.cancel(this);
        }

        @Override
        public boolean isPending() {
            return queue.isPending(this);
        }

        @Override
        public int compareTo(Timer other) {
            int byDeadline = Long.compare(deadline, other.deadline);
            return byDeadline != 0 ? byDeadline : Long.compare(order, other.order);
        }

        @Override
        public String toString() {
            return what + (fired ? " (ran)" : cancelled ? " (cancelled)" : " (pending)");
        }
    }
}
