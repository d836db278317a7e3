package dev.courier.tap;

import dev.courier.history.DropCause;
import dev.courier.tap.internal.Labels;
import dev.courier.tap.internal.Ledger;
import dev.courier.tap.internal.MessageRef;
import dev.courier.tap.internal.PendingSend;
import dev.courier.tap.internal.TappedTask;
import dev.courier.tap.internal.TaskFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An {@link ExecutorService} that runs every task on the user's executor and records each task as one
 * message to the receiver {@code executor:<name>}, sent by the submitting thread. Obtained from
 * {@link Taps#executor}.
 *
 * <ul>
 *   <li>{@code execute}, {@code submit}, {@code invokeAll}, {@code invokeAny}: SENT, then ENQUEUED
 *       (depth = the pool's queue size when the executor is a {@link ThreadPoolExecutor}, else 0).</li>
 *   <li>A pool thread's first task: CONSUMER_STARTED (several threads are competing consumers, whose
 *       recording order is not the submission order). The task starts: DELIVERED. It ends: HANDLED OK, or THREW with its exception (also for
 *       {@code submit}, whose future keeps the exception); a task cancelled before it ran is HANDLED
 *       with detail "cancelled".</li>
 *   <li>{@code shutdownNow()}: each task given back never ran: DROPPED TERMINATED. It returns the
 *       user's own tasks (the futures, for {@code submit}).</li>
 *   <li>Rejection: DROPPED PORT_CLOSED when the executor was shut down, otherwise OVERFLOW; the
 *       {@link RejectedExecutionException} is rethrown.</li>
 * </ul>
 *
 * <p>Thread contract: as thread-safe as the wrapped executor; any thread may submit or shut down. A
 * task's SENT is appended before the executor sees it and its ENQUEUED before its DELIVERED. Nothing
 * blocks beyond what the wrapped executor's methods block. A task handed to the wrapped executor
 * directly is not recorded; a task rejected silently by a discarding policy shows as lost without cause.
 */
public final class ExecutorTap extends AbstractExecutorService {

    private final ExecutorService executor;
    private final Ledger ledger;

    ExecutorTap(ExecutorService executor, Ledger ledger) {
        this.executor = executor;
        this.ledger = ledger;
        ledger.describeWith(this::state, () -> !executor.isTerminated());
    }

    /** The receiver label, e.g. {@code executor:pool}. */
    public String label() {
        return ledger.label();
    }

    /** The executor behind the tap; tasks given to it directly are not recorded. */
    public ExecutorService unwrap() {
        return executor;
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        MessageRef message = ledger.newMessage(Labels.currentThread());
        ledger.recordSent(message, null);
        PendingSend send = new PendingSend(message, null, null, null, true);
        try {
            executor.execute(new TappedTask(task, send, ledger, this::depth));
        } catch (RejectedExecutionException e) {
            boolean shutDown = executor.isShutdown();
            ledger.recordRefused(send, shutDown ? DropCause.PORT_CLOSED : DropCause.OVERFLOW, depth(),
                    shutDown ? "executor shut down, task rejected" : capacity(), e);
            throw e;
        }
        ledger.recordEnqueued(send, depth());
    }

    @Override
    protected <V> RunnableFuture<V> newTaskFor(Runnable runnable, V value) {
        return new TaskFuture<>(runnable, value);
    }

    @Override
    protected <V> RunnableFuture<V> newTaskFor(Callable<V> callable) {
        return new TaskFuture<>(callable);
    }

    @Override
    public void shutdown() {
        executor.shutdown();
    }

    /** Shuts the executor down now; records each task that never started as DROPPED TERMINATED. */
    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> neverStarted = executor.shutdownNow();
        List<Runnable> tasks = new ArrayList<>(neverStarted.size());
        for (Runnable task : neverStarted) {
            if (task instanceof TappedTask tapped) {
                tapped.discard("discarded by shutdownNow()");
                tasks.add(tapped.task());
            } else {
                tasks.add(task);
            }
        }
        return tasks;
    }

    @Override
    public boolean isShutdown() {
        return executor.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return executor.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return executor.awaitTermination(timeout, unit);
    }

    private int depth() {
        return executor instanceof ThreadPoolExecutor pool ? pool.getQueue().size() : 0;
    }

    private String capacity() {
        if (!(executor instanceof ThreadPoolExecutor pool)) {
            return "capacity unknown, task rejected";
        }
        BlockingQueue<Runnable> queue = pool.getQueue();
        int remaining = queue.remainingCapacity();
        String capacity = remaining == Integer.MAX_VALUE ? "unbounded" : String.valueOf((long) remaining + queue.size());
        return "capacity " + capacity + ", " + pool.getRejectedExecutionHandler().getClass().getSimpleName();
    }

    private String state() {
        return "queued " + depth() + (executor.isTerminated() ? ", terminated"
                : executor.isShutdown() ? ", shut down" : ", running");
    }

    @Override
    public String toString() {
        return label() + "[" + executor + "]";
    }
}
