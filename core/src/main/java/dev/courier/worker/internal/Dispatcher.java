package dev.courier.worker.internal;

import dev.courier.worker.Scheduler;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;

/**
 * A small on-demand thread for events that must not run on a worker's thread: a worker's main-side
 * events and the ports no worker owns. A thread is started when a task arrives and none is running; it
 * runs tasks in submission order and ends once it is idle and {@code linger} is false. So a dispatcher
 * holds no thread while it has nothing to do (after its worker exited, or between bursts on a channel),
 * and tasks submitted later start a fresh thread with the same name. When the {@link Scheduler} hosts
 * loops (a simulation), the dispatcher has no thread at all: the host runs its tasks as steps.
 *
 * <p>Thread contract: {@link #execute} may be called from any thread and never blocks beyond a short
 * lock. At most one dispatcher thread (or host step) runs at a time, so tasks never overlap; a task's
 * exception is contained (ports and workers record listener failures before they reach here).
 */
public final class Dispatcher implements Loop, Scheduler.HostedLoop {

    private final String threadName;
    private final String ownerLabel;
    private final Scheduler scheduler;
    private final Scheduler.LoopHost host;
    private final BooleanSupplier linger;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private Thread thread;
    private boolean running;

    /**
     * @param linger while true, an idle dispatcher thread waits for work instead of ending; call
     *               {@link #wake()} when it turns false
     */
    public Dispatcher(String threadName, String ownerLabel, Scheduler scheduler, BooleanSupplier linger) {
        this.threadName = threadName;
        this.ownerLabel = ownerLabel;
        this.scheduler = scheduler;
        this.host = scheduler.loopHost();
        this.linger = linger;
    }

    @Override
    public boolean execute(String what, Runnable task) {
        if (host != null) {
            synchronized (this) {
                tasks.addLast(task);
            }
            host.ready(this);
            return true;
        }
        Thread fresh;
        synchronized (this) {
            tasks.addLast(task);
            if (running) {
                notifyAll();
                return true;
            }
            running = true;
            fresh = scheduler.newThread(threadName, this::run);
            thread = fresh;
        }
        fresh.start();
        return true;
    }

    private void run() {
        while (true) {
            Runnable task;
            synchronized (this) {
                while (tasks.isEmpty()) {
                    if (!linger.getAsBoolean()) {
                        running = false;
                        return;
                    }
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // Nobody but this class owns the thread; keep serving until told to end.
                        Thread.interrupted();
                    }
                }
                task = tasks.pollFirst();
            }
            runContained(task);
        }
    }

    private static void runContained(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error contained) {
            // Recorded by the task's owner (HANDLED THREW); the dispatcher keeps going.
        }
    }

    @Override
    public String name() {
        return threadName;
    }

    @Override
    public synchronized long nextStepAt() {
        return tasks.isEmpty() ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    /** Hosted: runs the oldest task, if any. */
    @Override
    public void runStep() {
        Runnable task;
        synchronized (this) {
            task = tasks.pollFirst();
        }
        if (task != null) {
            runContained(task);
        }
    }

    /** A dispatcher never ends for good: a later task starts it again. */
    @Override
    public boolean hasEnded() {
        return false;
    }

    @Override
    public void wake() {
        if (host != null) {
            return;
        }
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public boolean isLoopThread() {
        if (host != null) {
            return host.isRunning(this);
        }
        synchronized (this) {
            return running && Thread.currentThread() == thread;
        }
    }

    @Override
    public boolean crashesOnListenerError() {
        return false;
    }

    @Override
    public void activity(Object description) {
        // Dispatchers run main-side listeners; nothing reports their activity.
    }

    @Override
    public void ref(LoopMember member) {
        // A dispatcher is never kept alive by ports, and never ends for good.
    }

    @Override
    public void unref(LoopMember member) {
    }

    @Override
    public String ownerLabel() {
        return ownerLabel;
    }

    /** Whether a dispatcher thread is running now, or, hosted, whether tasks are waiting. */
    public boolean isRunning() {
        synchronized (this) {
            return host == null ? running : !tasks.isEmpty();
        }
    }

    public String threadName() {
        return threadName;
    }
}
