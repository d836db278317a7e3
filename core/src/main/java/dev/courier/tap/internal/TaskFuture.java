package dev.courier.tap.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/**
 * The future an executor tap's {@code submit} returns: a {@link FutureTask} that also remembers the
 * exception its task threw, so the tap can record HANDLED THREW although the future swallows it.
 *
 * <p>Thread contract: as {@link FutureTask}. The failure is written by the running thread inside
 * {@code run()} and read by the same thread right after, so it needs no further publication.
 */
public final class TaskFuture<V> extends FutureTask<V> {

    private Throwable failure;

    public TaskFuture(Callable<V> callable) {
        super(callable);
    }

    public TaskFuture(Runnable runnable, V result) {
        super(runnable, result);
    }

    @Override
    protected void setException(Throwable thrown) {
        failure = thrown;
        super.setException(thrown);
    }

    /** What the task threw during {@code run()}, or null. */
    public Throwable failure() {
        return failure;
    }
}
