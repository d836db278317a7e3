package dev.courier.worker.internal;

import dev.courier.history.DropCause;
import dev.courier.worker.Scheduler;
import dev.courier.worker.TimerHandle;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A worker's event loop: runs the script, then tasks (messages, immediates) and due timers one at a time,
 * until it has nothing left that keeps it alive, a stop is requested, or something throws. Then it shuts its
 * ports down and reports the exit. It runs on a thread of its own, or, when the {@link Scheduler} has a
 * {@link Scheduler.LoopHost} (a simulation), step by step as the host decides ({@link #runStep()}).
 *
 * <p>Thread contract: {@link #execute}, {@link #schedule}, {@link #requestStop}, {@link #wake} and the
 * accessors may be called from any thread; everything the loop runs runs on its thread (or in the host's
 * steps, one at a time). Timer deadlines come from the {@link Scheduler}; a loop on its own thread blocks
 * only while idle, and is woken by new work, a stop request or the scheduler's time moving; a hosted loop
 * never blocks and tells its host when it may have a step due.
 */
public final class WorkerLoop implements Loop, Scheduler.HostedLoop {

    /** What the loop runs and whom it tells; implemented by the worker. Called on the loop thread. */
    public interface Body {
        /** Runs the script (the top level). */
        void script() throws Exception;

        /** An uncaught exception ended the worker; {@code where} is "script", "message listener", "timer", ... */
        void failed(String where, Throwable error);

        /** The loop ended with {@code code}; the ports are already shut down. */
        void exited(int code);
    }

    // Returned by a hosted step's look for work when nothing is due yet.
    private static final LoopTimer NOTHING_DUE = new LoopTimer(null, "nothing due", () -> { }, 0L);
    private static final Runnable NOTHING = () -> { };

    private final String threadName;
    private final String ownerLabel;
    private final Scheduler scheduler;
    private final Scheduler.LoopHost host;
    private final Body body;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final ArrayDeque<LoopTimer> tasks = new ArrayDeque<>();
    private final PriorityQueue<LoopTimer> timers = new PriorityQueue<>();
    // Insertion-ordered, so ports are shut down (and their drops recorded) in the same order every run.
    private final Set<LoopMember> members = new CopyOnWriteArraySet<>();
    private long timerCount;
    private boolean ended;
    private Integer stopCode;
    private DropCause stopCause;
    private volatile Object activity = "starting";
    private String currentTask = "script";
    private boolean begun; // hosted only: whether the script step ran; touched by the host's thread only

    /**
     * A loop delivering as {@code ownerLabel}: on a new (not yet started) thread {@code threadName}, or, if
     * the scheduler hosts loops, without a thread of its own.
     */
    public WorkerLoop(String threadName, String ownerLabel, Scheduler scheduler, Body body) {
        this.threadName = threadName;
        this.ownerLabel = ownerLabel;
        this.scheduler = scheduler;
        this.host = scheduler.loopHost();
        this.body = body;
        this.thread = host == null ? scheduler.newThread(threadName, this::run) : null;
    }

    public void start() {
        if (host == null) {
            thread.start();
        } else {
            host.ready(this);
        }
    }

    /** The loop's thread, or null when the scheduler hosts the loop (no thread of its own). */
    public Thread thread() {
        return thread;
    }

    /** Whether the loop's thread is alive, or, hosted, whether it has not ended. */
    public boolean isAlive() {
        return host == null ? thread.isAlive() : !hasEnded();
    }

    /** The loop thread's state and stack for reports, or null when the loop has no thread of its own. */
    public String threadDump() {
        return host == null ? Texts.threadDump(thread, thread.getStackTrace()) : null;
    }

    private void run() {
        Runnable unsubscribe = scheduler.onTimeAdvance(this::wake);
        int code = 0;
        try {
            runScript();
            runTasks();
        } catch (Throwable error) {
            code = exitCode(error);
        } finally {
            Thread.interrupted();
            finish(code, unsubscribe);
        }
    }

    @Override
    public String name() {
        return threadName;
    }

    /** Hosted: runs the script, one task or due timer, or the end, whichever is due. */
    @Override
    public void runStep() {
        try {
            if (!begun) {
                begun = true;
                runScript();
                activity("idle");
                return;
            }
            LoopTimer next = nextTask(false);
            if (next == NOTHING_DUE) {
                return;
            }
            if (next == null) {
                finish(0, NOTHING);
                return;
            }
            runTask(next);
            activity("idle");
        } catch (Throwable error) {
            finish(exitCode(error), NOTHING);
        }
    }

    @Override
    public long nextStepAt() {
        lock.lock();
        try {
            if (ended) {
                return Long.MAX_VALUE;
            }
            if (!begun || stopCode != null || !tasks.isEmpty()) {
                return Long.MIN_VALUE;
            }
            LoopTimer due = timers.peek();
            if (due != null) {
                return due.deadline;
            }
            return keptAlive() ? Long.MAX_VALUE : Long.MIN_VALUE;
        } finally {
            lock.unlock();
        }
    }

    private void runScript() throws Exception {
        if (!stopRequested()) {
            activity("running the script");
            body.script();
        }
    }

    private int exitCode(Throwable error) {
        if (error instanceof ExitSignal exit) {
            return exit.code();
        }
        if (!stopRequested()) {
            boolean fromListener = error instanceof ListenerFailure;
            body.failed(fromListener ? ((ListenerFailure) error).where() : currentTask,
                    fromListener ? error.getCause() : error);
        }
        return 1;
    }

    private void finish(int exitCode, Runnable unsubscribe) {
        int code = exitCode;
        DropCause cause = DropCause.WORKER_EXITED;
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

    private void runTasks() {
        while (true) {
            activity("idle");
            LoopTimer next = nextTask(true);
            if (next == null) {
                return;
            }
            runTask(next);
            // An interrupt a task left behind must not leak into the next task; stop requests are state.
            Thread.interrupted();
        }
    }

    private void runTask(LoopTimer next) {
        currentTask = next.what;
        activity(next.what);
        next.task.run();
    }

    // Returns null when the loop should end; NOTHING_DUE when it would have to wait and may not.
    private LoopTimer nextTask(boolean mayWait) {
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
        LoopTimer added = enqueue(timer, timed);
        if (added != null && host != null) {
            host.ready(this);
        }
        return added;
    }

    private LoopTimer enqueue(LoopTimer timer, boolean timed) {
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
        } finally {
            lock.unlock();
        }
        if (host != null) {
            host.ready(this);
        }
        return true;
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
     * wins. Interrupts the loop thread (unless called on it) so a blocked listener can give up; a hosted loop
     * ends at its next step.
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
        if (host != null) {
            host.ready(this);
        } else if (Thread.currentThread() != thread) {
            thread.interrupt();
        }
    }

    /** Whether the loop has finished (its ports are shut down). */
    @Override
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
        if (host != null) {
            host.ready(this);
            return;
        }
        lock.lock();
        try {
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isLoopThread() {
        return host == null ? Thread.currentThread() == thread : host.isRunning(this);
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
