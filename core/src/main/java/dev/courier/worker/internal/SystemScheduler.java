package dev.courier.worker.internal;

import dev.courier.worker.Scheduler;

/** Real platform threads on {@link System#nanoTime()}. Stateless and thread-safe. */
public final class SystemScheduler implements Scheduler {

    /** The one instance. */
    public static final SystemScheduler INSTANCE = new SystemScheduler();

    private static final Runnable NOTHING = () -> { };

    private SystemScheduler() {
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Thread newThread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public long realWaitNanos(long deadlineNanos) {
        return deadlineNanos - System.nanoTime();
    }

    @Override
    public Runnable onTimeAdvance(Runnable wakeUp) {
        return NOTHING;
    }

    @Override
    public String toString() {
        return "Scheduler.system()";
    }
}
