package dev.courier.worker.internal;

import dev.courier.history.DropCause;
import dev.courier.worker.Scheduler;
import dev.courier.worker.TimerHandle;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A worker's event loop on its own thread: runs the script, then tasks (messages, immediates) and due
 * timers one at a time, until it has nothing left that keeps it alive, a stop is requested, or something
 * throws. Then it shuts its ports down and reports the exit.
 *
 * <p>Thread contract: {@link #execute}, {@link #schedule}, {@link #requestStop}, {@link #wake} and the
 * accessors may be called from any thread; everything the loop runs runs on its thread. Timer deadlines
 * come from the {@link Scheduler}; the loop blocks only while idle, and is woken by new work, a stop
 * request or the scheduler's time moving.
 */
public final class WorkerLoop implements Loop {

    /** What the loop runs and whom it tells; implemented by the worker. Called on the loop thread. */
    public interface Body {
        /** Runs the script (the top level). */
        void script() throws Exception;

        /** An uncaught exception ended the worker; {@code where} is "script", "message listener", "timer", ... */
        void failed(String where, Throwable error);

        /** The loop ended with {@code code}; the ports are already shut down. */
        void exited(int code);
    }

    private final String ownerLabel;
    private final Scheduler scheduler;
    private final Body body;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final ArrayDeque<LoopTimer> tasks = new ArrayDeque<>();
    private final PriorityQueue<LoopTimer> timers = new PriorityQueue<>();
    private final Set<LoopMember> members = ConcurrentHashMap.newKeySet();
    private long timerCount;
    private boolean ended;
    private Integer stopCode;
    private DropCause stopCause;
    private volatile Object activity = "starting";
    private String currentTask = "script";

    /** A loop on a new (not yet started) thread {@code threadName}, delivering as {@code ownerLabel}. */
    public WorkerLoop(String threadName, String ownerLabel, Scheduler scheduler, Body body) {
        this.ownerLabel = ownerLabel;
        this.scheduler = scheduler;
        this.body = body;
        this.thread = scheduler.newThread(threadName, this::run);
    }

    public void start() {
        thread.start();
    }

    public Thread thread() {
        return thread;
    }

    private void run() {
        Runnable unsubscribe = scheduler.onTimeAdvance(this::wake);
        int code = 0;
        DropCause cause = DropCause.WORKER_EXITED;
        try {
            if (!stopRequested()) {
                activity("running the script");
                body.script();
            }
            runTasks();
        } catch (ExitSignal exit) {
            code = exit.code();
        } catch (Throwable error) {
            code = 1;
            if (!stopRequested()) {
                boolean fromListener = error instanceof ListenerFailure;
                body.failed(fromListener ? ((ListenerFailure) error).where() : currentTask,
                        fromListener ? error.getCause() : error);
            }
        } finally {
            Thread.interrupted();
            activity("exiting");
            lock.lock();
            try {
                ended = true;
                if (stopCode != null) {
                    code = stopCode;
                    cause = stopCause;
                }
                tasks.clear();
                timers.clear();
            } finally {
                lock.unlock();
            }
            for (LoopMember member : members) {
                member.loopEnded(cause);
            }
            members.clear();
            unsubscribe.run();
            activity("exited with code " + code);
            body.exited(code);
        }
    }

    private void runTasks() {
        while (true) {
            activity("idle");
            LoopTimer next = nextTask();
            if (next == null) {
                return;
            }
            currentTask = next.what;
            activity(next.what);
            next.task.run();
            // An interrupt a task left behind must not leak into the next task; stop requests are state.
            Thread.interrupted();
        }
    }

    // Returns null when the loop should end.
    private LoopTimer nextTask() {
        lock.lock();
        try {
            while (true) {
                if (stopCode != null) {
                    return null;
                }
                LoopTimer task = tasks.pollFirst();
                if (task != null) {
                    task.fired = true;
                    return task;
                }
                LoopTimer due = timers.peek();
                if (due != null && due.deadline <= scheduler.nanoTime()) {
                    timers.poll();
                    due.fired = true;
                    return due;
                }
                if (due == null && !keptAlive()) {
                    return null;
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

    private boolean keptAlive() {
        for (LoopMember member : members) {
            if (member.keepsLoopAlive()) {
                return true;
            }
        }
        return false;
    }

    private boolean stopRequested() {
        lock.lock();
        try {
            return stopCode != null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean execute(String what, Runnable task) {
        return add(new LoopTimer(this, what, task, 0L), false) != null;
    }

    /** Runs {@code task} on the loop once the scheduler's clock reaches now + delay. */
    public TimerHandle schedule(String what, Runnable task, long delayNanos) {
        LoopTimer timer = new LoopTimer(this, what, task, scheduler.nanoTime() + Math.max(0L, delayNanos));
        return add(timer, true);
    }

    /** Queues an immediate; returns a handle, or null if the loop has ended. */
    public TimerHandle immediate(String what, Runnable task) {
        return add(new LoopTimer(this, what, task, 0L), false);
    }

    private LoopTimer add(LoopTimer timer, boolean timed) {
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

    boolean cancel(LoopTimer timer) {
        lock.lock();
        try {
            if (timer.fired || timer.cancelled) {
                return false;
            }
            timer.cancelled = true;
            timers.remove(timer);
            tasks.remove(timer);
            wakeUp.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    boolean isPending(LoopTimer timer) {
        lock.lock();
        try {
            return !timer.fired && !timer.cancelled && !ended;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Asks the loop to end with {@code code}, dropping what is queued with {@code cause}. The first request
     * wins. Interrupts the loop thread (unless called on it) so a blocked listener can give up.
     */
    public void requestStop(int code, DropCause cause) {
        lock.lock();
        try {
            if (stopCode != null || ended) {
                return;
            }
            stopCode = code;
            stopCause = cause;
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() != thread) {
            thread.interrupt();
        }
    }

    /** Whether the loop has finished (its ports are shut down). */
    public boolean hasEnded() {
        lock.lock();
        try {
            return ended;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void wake() {
        lock.lock();
        try {
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isLoopThread() {
        return Thread.currentThread() == thread;
    }

    @Override
    public boolean crashesOnListenerError() {
        return true;
    }

    @Override
    public void activity(Object description) {
        activity = description;
    }

    /** What the loop is doing now. */
    public String activity() {
        return String.valueOf(activity);
    }

    /** Pending timers plus queued tasks, for state reports. */
    public int pendingTimers() {
        lock.lock();
        try {
            return timers.size() + tasks.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void ref(LoopMember member) {
        members.add(member);
        if (hasEnded() && members.remove(member)) {
            member.loopEnded(DropCause.PORT_CLOSED);
        }
        wake();
    }

    @Override
    public void unref(LoopMember member) {
        members.remove(member);
        wake();
    }

    @Override
    public String ownerLabel() {
        return ownerLabel;
    }
}
