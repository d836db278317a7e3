package dev.courier.tap.internal;

import dev.courier.history.DropCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * A task wrapped by an executor tap: one message. Running it records DELIVERED, runs the task, and
 * records HANDLED (OK, or THREW with the task's exception, which is rethrown unchanged).
 *
 * <p>Thread contract: created on the submitting thread, run once on the executor's thread (or the
 * caller's, under a caller-runs policy); {@link #discard} is called instead of running it when the
 * executor gives the task back.
 */
public final class TappedTask implements Runnable, TrackedTask {

    /** Detail of a CompletableFuture stage's HANDLED: the JDK keeps the stage's exception in its future. */
    public static final String ASYNC_STAGE = "async CompletableFuture stage: an exception it threw completes "
            + "its future exceptionally and is not seen here; track the future with Recorder.track";

    private final Runnable task;
    private final PendingSend send;
    private final Ledger ledger;
    private final IntSupplier depth;

    public TappedTask(Runnable task, PendingSend send, Ledger ledger, IntSupplier depth) {
        this.task = task;
        this.send = send;
        this.ledger = ledger;
        this.depth = depth;
    }

    /** The user's task. */
    public Runnable task() {
        return task;
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
        ledger.noteConsumer();
        ledger.recordDelivered(send, depth.getAsInt(), null);
        Throwable failure = null;
        try {
            task.run();
        } catch (Throwable thrown) {
            failure = thrown;
            throw thrown;
        } finally {
            if (failure == null && task instanceof TaskFuture<?> future) {
                failure = future.failure();
            }
            String detail = task instanceof Future<?> future && future.isCancelled() ? "cancelled"
                    : task instanceof CompletableFuture.AsynchronousCompletionTask ? ASYNC_STAGE : null;
            ledger.recordHandled(send.message(), failure, detail);
        }
    }

    /**
     * Records one task handed to an executor: SENT, the hand-over ({@code executor}) with the task
     * wrapped, then ENQUEUED; a {@link RejectedExecutionException} is recorded as DROPPED (PORT_CLOSED
     * once shut down, else OVERFLOW with {@code capacity}) unless a {@link RejectionRecorder} already
     * recorded what the policy did, and rethrown.
     */
    public static void submit(Ledger ledger, Runnable task, IntSupplier depth, Consumer<Runnable> executor,
                              BooleanSupplier shutDown, Supplier<String> capacity) {
        Objects.requireNonNull(task, "task");
        MessageRef message = ledger.newMessage(Labels.currentThread());
        ledger.recordSent(message, null);
        PendingSend send = new PendingSend(message, null, null, null, true);
        try {
            executor.accept(new TappedTask(task, send, ledger, depth));
        } catch (RejectedExecutionException e) {
            boolean closed = shutDown.getAsBoolean();
            ledger.recordRefusedIfOpen(send, closed ? DropCause.PORT_CLOSED : DropCause.OVERFLOW, depth.getAsInt(),
                    closed ? "executor shut down, task rejected" : capacity.get(), e);
            throw e;
        }
        ledger.recordEnqueued(send, depth.getAsInt());
    }

    /**
     * Records each tapped task an executor's {@code shutdownNow()} gave back as DROPPED TERMINATED and
     * returns the user's tasks in their place.
     */
    public static List<Runnable> discardAll(List<Runnable> neverStarted) {
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

    /** The executor gave the task back without running it. */
    public void discard(String how) {
        ledger.recordDiscarded(send, DropCause.TERMINATED, depth.getAsInt(), how);
    }
}
