package dev.courier.tap.internal;

import dev.courier.history.EventKind;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;

/**
 * A scheduled task wrapped by a scheduled pool tap: one message, closed by its first run. A one-shot
 * task's run records DELIVERED then HANDLED (OK, THREW with what its future holds, or "cancelled"). A
 * periodic task's first run is its delivery; a later run that throws (the JDK then cancels every later
 * run, silently) is recorded as WORKER_ERROR about the pool, naming the message and the run.
 *
 * <p>Thread contract: created on the scheduling thread; run by the pool's threads, one run at a time
 * (the JDK never overlaps runs of one task); the run counter is confined to those serial runs.
 */
public final class ScheduledTappedTask<V> implements RunnableScheduledFuture<V>, TrackedTask {

    private final RunnableScheduledFuture<V> task;
    private final PendingSend send;
    private final Ledger ledger;
    private final IntSupplier depth;
    private volatile int runs;

    public ScheduledTappedTask(RunnableScheduledFuture<V> task, PendingSend send, Ledger ledger,
                               IntSupplier depth) {
        this.task = task;
        this.send = send;
        this.ledger = ledger;
        this.depth = depth;
    }

    @Override
    public PendingSend send() {
        return send;
    }

    @Override
    public Ledger ledger() {
        return ledger;
    }

    @Override
    public void run() {
        int run = ++runs;
        if (run == 1) {
            ledger.recordDelivered(send, depth.getAsInt(), null);
        }
        Throwable failure = null;
        try {
            task.run();
        } finally {
            if (task.isDone() && !task.isCancelled()) {
                failure = failure();
            }
            if (run == 1) {
                ledger.recordHandled(send.message(), failure, task.isCancelled() ? "cancelled" : null);
            } else if (failure != null) {
                ledger.recordAbout(EventKind.WORKER_ERROR, run, "periodic task (message " + send.message().id()
                        + ") threw on run " + run + "; the pool cancels all its later runs", failure);
            }
        }
    }

    private Throwable failure() {
        try {
            task.get(0, TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public boolean isPeriodic() {
        return task.isPeriodic();
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return task.getDelay(unit);
    }

    @Override
    public int compareTo(Delayed other) {
        return task.compareTo(other instanceof ScheduledTappedTask<?> tapped ? tapped.task : other);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return task.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
        return task.isCancelled();
    }

    @Override
    public boolean isDone() {
        return task.isDone();
    }

    @Override
    public V get() throws InterruptedException, ExecutionException {
        return task.get();
    }

    @Override
    public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return task.get(timeout, unit);
    }

    @Override
    public String toString() {
        return "message " + send.message().id() + " " + task;
    }
}
