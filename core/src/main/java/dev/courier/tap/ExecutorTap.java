package dev.courier.tap;

import dev.courier.tap.internal.Ledger;
import dev.courier.tap.internal.RejectionRecorder;
import dev.courier.tap.internal.TappedTask;
import dev.courier.tap.internal.TaskFuture;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
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
 *       {@link java.util.concurrent.RejectedExecutionException} is rethrown.</li>
 *   <li>A {@link ThreadPoolExecutor}'s rejection policy is wrapped (its handler is replaced, once, by a
 *       recording one that delegates to it), so each policy is recorded as what it did: DROPPED OVERFLOW
 *       "discarded by DiscardPolicy, capacity 4, queue depth 4, ..." (DiscardOldestPolicy: the evicted
 *       task), "rejected by AbortPolicy", or ENQUEUED "run by CallerRunsPolicy on the submitting
 *       thread". {@code getRejectedExecutionHandler()} on the pool then returns the wrapper.</li>
 * </ul>
 *
 * <p>Thread contract: as thread-safe as the wrapped executor; any thread may submit or shut down. A
 * task's SENT is appended before the executor sees it and its ENQUEUED before its DELIVERED. Nothing
 * blocks beyond what the wrapped executor's methods block. A task handed to the wrapped executor
 * directly is not recorded.
 */
public final class ExecutorTap extends AbstractExecutorService {

    private final ExecutorService executor;
    private final Ledger ledger;

    ExecutorTap(ExecutorService executor, Ledger ledger) {
        this.executor = executor;
        this.ledger = ledger;
        if (executor instanceof ThreadPoolExecutor pool) {
            pool.setRejectedExecutionHandler(RejectionRecorder.wrap(pool.getRejectedExecutionHandler()));
        }
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
        TappedTask.submit(ledger, task, this::depth, executor::execute, executor::isShutdown, this::capacity);
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
        return TappedTask.discardAll(executor.shutdownNow());
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
