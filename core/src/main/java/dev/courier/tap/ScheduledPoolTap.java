package dev.courier.tap;

import dev.courier.history.DropCause;
import dev.courier.tap.internal.Labels;
import dev.courier.tap.internal.Ledger;
import dev.courier.tap.internal.MessageRef;
import dev.courier.tap.internal.PendingSend;
import dev.courier.tap.internal.RejectionRecorder;
import dev.courier.tap.internal.ScheduledTappedTask;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A real {@link ScheduledThreadPoolExecutor} that records every scheduled task as one message to the
 * receiver {@code executor:<name>}: SENT when scheduled (by the scheduling thread), ENQUEUED with the
 * delay queue's depth once accepted, DELIVERED and HANDLED (OK, THREW with the exception its future
 * keeps, or "cancelled") when it first runs. {@code execute} and {@code submit} schedule with no delay,
 * so they are recorded the same way. Obtained from {@link Taps#scheduledThreadPoolExecutor}.
 *
 * <p>A periodic task is one message, delivered by its first run; a later run that throws is recorded as
 * WORKER_ERROR about the pool (the JDK cancels the later runs without a word). Scheduling after shutdown
 * is DROPPED PORT_CLOSED naming the policy; {@code shutdownNow()} records each task it returns as
 * DROPPED TERMINATED and returns the JDK's scheduled futures. A delayed task cancelled by
 * {@code shutdown()} under {@code setExecuteExistingDelayedTasksAfterShutdownPolicy(false)} stays pending
 * (the JDK gives no hook for it).
 *
 * <p>Thread contract: as {@link ScheduledThreadPoolExecutor}; any thread may schedule or shut down.
 */
public final class ScheduledPoolTap extends ScheduledThreadPoolExecutor {

    private final Ledger ledger;

    ScheduledPoolTap(int corePoolSize, ThreadFactory threads, RejectedExecutionHandler handler, Ledger ledger) {
        super(corePoolSize, threads, RejectionRecorder.wrap(handler));
        this.ledger = ledger;
        ledger.describeWith(this::state, () -> !isTerminated());
    }

    /** The receiver label, e.g. {@code executor:timers}. */
    public String label() {
        return ledger.label();
    }

    @Override
    protected <V> RunnableScheduledFuture<V> decorateTask(Runnable runnable, RunnableScheduledFuture<V> task) {
        return tracked(task);
    }

    @Override
    protected <V> RunnableScheduledFuture<V> decorateTask(Callable<V> callable, RunnableScheduledFuture<V> task) {
        return tracked(task);
    }

    private <V> RunnableScheduledFuture<V> tracked(RunnableScheduledFuture<V> task) {
        MessageRef message = ledger.newMessage(Labels.currentThread());
        ledger.recordSent(message, null);
        return new ScheduledTappedTask<>(task, new PendingSend(message, null, null, null, true), ledger,
                () -> getQueue().size());
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return accepted(super.schedule(command, delay, unit));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return accepted(super.schedule(callable, delay, unit));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return accepted(super.scheduleAtFixedRate(command, initialDelay, period, unit));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                     TimeUnit unit) {
        return accepted(super.scheduleWithFixedDelay(command, initialDelay, delay, unit));
    }

    private <F extends ScheduledFuture<?>> F accepted(F future) {
        if (future instanceof ScheduledTappedTask<?> tapped) {
            ledger.recordEnqueued(tapped.send(), getQueue().size());
        }
        return future;
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

    /** Shuts down now; records each task that never ran as DROPPED TERMINATED. */
    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> neverRan = super.shutdownNow();
        for (Runnable task : neverRan) {
            if (task instanceof ScheduledTappedTask<?> tapped) {
                ledger.recordDiscarded(tapped.send(), DropCause.TERMINATED,
                        getQueue().size(), "discarded by shutdownNow()");
            }
        }
        return neverRan;
    }

    private String state() {
        return "scheduled " + getQueue().size() + ", active " + getActiveCount()
                + (isTerminated() ? ", terminated" : isShutdown() ? ", shut down" : ", running");
    }

    @Override
    public String toString() {
        return label() + "[" + super.toString() + "]";
    }
}
