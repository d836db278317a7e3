package dev.courier.tap.internal;

import dev.courier.history.DropCause;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

/**
 * A task wrapped by an executor tap: one message. Running it records DELIVERED, runs the task, and
 * records HANDLED (OK, or THREW with the task's exception, which is rethrown unchanged).
 *
 * <p>Thread contract: created on the submitting thread, run once on the executor's thread (or the
 * caller's, under a caller-runs policy); {@link #discard} is called instead of running it when the
 * executor gives the task back.
 */
public final class TappedTask implements Runnable {

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

    public PendingSend send() {
        return send;
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
            String detail = task instanceof Future<?> future && future.isCancelled() ? "cancelled" : null;
            ledger.recordHandled(send.message(), failure, detail);
        }
    }

    /** The executor gave the task back without running it. */
    public void discard(String how) {
        ledger.recordDiscarded(send, DropCause.TERMINATED, depth.getAsInt(), how);
    }
}
