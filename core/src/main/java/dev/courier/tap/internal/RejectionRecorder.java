package dev.courier.tap.internal;

import dev.courier.history.DropCause;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Wraps a pool's {@link RejectedExecutionHandler} and records what it did with each rejected tapped task,
 * with the queue's capacity and its depth at the rejection:
 *
 * <ul>
 *   <li>{@link ThreadPoolExecutor.AbortPolicy}: DROPPED OVERFLOW "rejected by AbortPolicy, ..."; the
 *       exception reaches the caller as before.</li>
 *   <li>{@link ThreadPoolExecutor.DiscardPolicy}: DROPPED OVERFLOW "discarded by DiscardPolicy, ...".</li>
 *   <li>{@link ThreadPoolExecutor.DiscardOldestPolicy}: the oldest queued task is DROPPED OVERFLOW
 *       "discarded by DiscardOldestPolicy to make room for message n, ..." and the new one retried.</li>
 *   <li>{@link ThreadPoolExecutor.CallerRunsPolicy}: ENQUEUED "rejected, ...: run by CallerRunsPolicy on
 *       the submitting thread", then the task runs there (DELIVERED, HANDLED as usual).</li>
 *   <li>A pool already shut down: DROPPED PORT_CLOSED naming the policy.</li>
 *   <li>Any other handler: DROPPED OVERFLOW "rejected by X" when it throws; when it returns, ENQUEUED
 *       "rejected, ...: handed to X", so a task X never runs shows as pending with that fact.</li>
 * </ul>
 *
 * The four JDK policies are applied here exactly as their javadoc specifies (so the discarded task is
 * known); untapped tasks go to the user's handler unchanged.
 *
 * <p>Thread contract: called by the pool on the submitting thread, concurrently for concurrent
 * submitters; stateless apart from the user's handler.
 */
public final class RejectionRecorder implements RejectedExecutionHandler {

    private final RejectedExecutionHandler handler;

    public RejectionRecorder(RejectedExecutionHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Wraps {@code handler} unless it already records. */
    public static RejectedExecutionHandler wrap(RejectedExecutionHandler handler) {
        return handler instanceof RejectionRecorder ? handler : new RejectionRecorder(handler);
    }

    /** The user's handler behind {@code handler}, or {@code handler} itself when it does not record. */
    public static RejectedExecutionHandler unwrap(RejectedExecutionHandler handler) {
        return handler instanceof RejectionRecorder recorder ? recorder.handler : handler;
    }

    @Override
    public void rejectedExecution(Runnable task, ThreadPoolExecutor pool) {
        if (!(task instanceof TrackedTask tracked)) {
            handler.rejectedExecution(task, pool);
            return;
        }
        String policy = handler.getClass().getSimpleName();
        PendingSend send = tracked.send();
        Ledger ledger = tracked.ledger();
        int depth = pool.getQueue().size();
        if (pool.isShutdown() && !(handler instanceof ThreadPoolExecutor.AbortPolicy)) {
            ledger.recordRefused(send, DropCause.PORT_CLOSED, depth, "discarded by " + policy
                    + ": the executor was shut down", null);
            if (isJdkPolicy(handler)) {
                return;
            }
            handler.rejectedExecution(task, pool);
            return;
        }
        if (handler instanceof ThreadPoolExecutor.DiscardPolicy) {
            ledger.recordRefused(send, DropCause.OVERFLOW, depth, "discarded by DiscardPolicy, " + limits(pool), null);
        } else if (handler instanceof ThreadPoolExecutor.DiscardOldestPolicy) {
            Runnable oldest = pool.getQueue().poll();
            if (oldest instanceof TrackedTask evicted) {
                evicted.ledger().recordDiscarded(evicted.send(), DropCause.OVERFLOW, pool.getQueue().size(),
                        "discarded by DiscardOldestPolicy to make room for message " + send.message().id() + ", "
                        + limits(pool, depth));
            }
            pool.execute(task);
        } else if (handler instanceof ThreadPoolExecutor.CallerRunsPolicy) {
            ledger.recordEnqueued(send, depth, "rejected, " + limits(pool)
                    + ": run by CallerRunsPolicy on the submitting thread " + Labels.currentThread());
            task.run();
        } else {
            handOver(task, pool, policy, send, ledger, depth);
        }
    }

    private void handOver(Runnable task, ThreadPoolExecutor pool, String policy, PendingSend send, Ledger ledger,
                          int depth) {
        String limits = limits(pool);
        try {
            handler.rejectedExecution(task, pool);
        } catch (RuntimeException | Error e) {
            String how = handler instanceof ThreadPoolExecutor.AbortPolicy ? "rejected by AbortPolicy"
                    : "rejected by " + policy + " (it threw " + e.getClass().getSimpleName() + ")";
            boolean shutDown = pool.isShutdown();
            ledger.recordRefusedIfOpen(send, shutDown ? DropCause.PORT_CLOSED : DropCause.OVERFLOW, depth,
                    how + (shutDown ? ": the executor was shut down" : ", " + limits), e);
            throw e;
        }
        ledger.recordEnqueued(send, depth, "rejected, " + limits + ": handed to " + policy);
    }

    private static boolean isJdkPolicy(RejectedExecutionHandler handler) {
        return handler instanceof ThreadPoolExecutor.DiscardPolicy
                || handler instanceof ThreadPoolExecutor.DiscardOldestPolicy
                || handler instanceof ThreadPoolExecutor.CallerRunsPolicy;
    }

    private static String limits(ThreadPoolExecutor pool) {
        return limits(pool, pool.getQueue().size());
    }

    /** "capacity 4, queue depth 4, 2 of max 2 threads busy". */
    public static String limits(ThreadPoolExecutor pool, int depth) {
        BlockingQueue<Runnable> queue = pool.getQueue();
        int remaining = queue.remainingCapacity();
        String capacity = remaining == Integer.MAX_VALUE ? "unbounded" : String.valueOf((long) remaining + queue.size());
        return "capacity " + capacity + ", queue depth " + depth + ", " + pool.getActiveCount() + " of max "
                + pool.getMaximumPoolSize() + " threads busy";
    }
}
