package dev.courier.tap;

import dev.courier.tap.internal.Ledger;
import dev.courier.tap.internal.RejectionRecorder;
import dev.courier.tap.internal.TappedTask;
import dev.courier.tap.internal.TaskFuture;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A real {@link ThreadPoolExecutor} that records every task as one message to the receiver
 * {@code executor:<name>}, sent by the submitting thread; code declared with {@code ThreadPoolExecutor}
 * (or {@code ExecutorService}, {@code Executor}) takes it unchanged. Obtained from
 * {@link Taps#threadPoolExecutor}.
 *
 * <ul>
 *   <li>{@code execute}, {@code submit}, {@code invokeAll}, {@code invokeAny} (and so
 *       {@code CompletableFuture.*Async(..., pool)}): SENT, then ENQUEUED with the queue depth.</li>
 *   <li>A worker thread starts the task: DELIVERED (depth left); it ends: HANDLED OK, or THREW with the
 *       exception, also for {@code submit} whose future keeps it. An async {@code CompletableFuture}
 *       stage catches its own exception inside the JDK: its HANDLED says so, and
 *       {@link Recorder#track} records the failure.</li>
 *   <li>Rejection: the rejection policy is recorded as what it did (see {@link Taps#threadPoolExecutor}):
 *       DROPPED OVERFLOW "discarded by DiscardPolicy, capacity 4, queue depth 4, 2 of max 2 threads
 *       busy", the task evicted by DiscardOldestPolicy, "rejected by AbortPolicy", or ENQUEUED "run by
 *       CallerRunsPolicy on the submitting thread"; after shutdown, DROPPED PORT_CLOSED.</li>
 *   <li>{@code shutdownNow()}: each task that never started is DROPPED TERMINATED; the user's own tasks
 *       are returned.</li>
 * </ul>
 *
 * <p>The pool's queue holds the tap's wrappers around the user's tasks; {@code getQueue().size()} and the
 * pool's counters are exact, {@code remove(task)} of a user's task finds nothing (use the future's
 * {@code cancel}). {@code beforeExecute}/{@code afterExecute} see the wrappers; the class is final, so
 * recording cannot be bypassed by an override.
 *
 * <p>Thread contract: as {@link ThreadPoolExecutor}: any thread may submit, reconfigure or shut down. A
 * task's SENT is appended before the pool sees it and its ENQUEUED before its DELIVERED.
 */
public final class ThreadPoolTap extends ThreadPoolExecutor {

    private final Ledger ledger;

    ThreadPoolTap(int corePoolSize, int maximumPoolSize, long keepAlive, TimeUnit unit,
                  BlockingQueue<Runnable> queue, ThreadFactory threads, RejectedExecutionHandler handler,
                  Ledger ledger) {
        super(corePoolSize, maximumPoolSize, keepAlive, unit, queue, threads, RejectionRecorder.wrap(handler));
        this.ledger = ledger;
        ledger.describeWith(this::state, () -> !isTerminated());
    }

    /** The receiver label, e.g. {@code executor:pool}. */
    public String label() {
        return ledger.label();
    }

    @Override
    public void execute(Runnable task) {
        if (task instanceof TappedTask tapped && tapped.ledger() == ledger) {
            super.execute(task); // a retry by DiscardOldestPolicy: already recorded
            return;
        }
        TappedTask.submit(ledger, task, () -> getQueue().size(), super::execute, this::isShutdown,
                () -> "task rejected, " + RejectionRecorder.limits(this, getQueue().size()));
    }

    @Override
    protected <V> RunnableFuture<V> newTaskFor(Runnable runnable, V value) {
        return new TaskFuture<>(runnable, value);
    }

    @Override
    protected <V> RunnableFuture<V> newTaskFor(Callable<V> callable) {
        return new TaskFuture<>(callable);
    }

    /** Replaces the rejection policy; it is wrapped so that what it does stays recorded. */
    @Override
    public void setRejectedExecutionHandler(RejectedExecutionHandler handler) {
        super.setRejectedExecutionHandler(RejectionRecorder.wrap(handler));
    }

    /** The user's rejection policy (not the recording wrapper around it). */
    @Override
    public RejectedExecutionHandler getRejectedExecutionHandler() {
        return RejectionRecorder.unwrap(super.getRejectedExecutionHandler());
    }

    /** Shuts down now; records each task that never started as DROPPED TERMINATED; returns the user's tasks. */
    @Override
    public List<Runnable> shutdownNow() {
        return TappedTask.discardAll(super.shutdownNow());
    }

    private String state() {
        return "queued " + getQueue().size() + ", active " + getActiveCount() + " of max " + getMaximumPoolSize()
                + (isTerminated() ? ", terminated" : isShutdown() ? ", shut down" : ", running");
    }

    @Override
    public String toString() {
        return label() + "[" + super.toString() + "]";
    }
}
