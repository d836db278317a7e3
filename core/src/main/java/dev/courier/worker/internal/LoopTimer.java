package dev.courier.worker.internal;

import dev.courier.worker.TimerHandle;

/**
 * A task or timer queued on a {@link WorkerLoop}. Its mutable state is guarded by the lock of the loop's
 * {@link TaskQueue}. Ordered by deadline, then by submission.
 */
final class LoopTimer implements TimerHandle, Comparable<LoopTimer> {

    final WorkerLoop loop;
    final String what;
    final Runnable task;
    final long deadline;
    long order;
    boolean fired;
    boolean cancelled;

    LoopTimer(WorkerLoop loop, String what, Runnable task, long deadline) {
        this.loop = loop;
        this.what = what;
        this.task = task;
        this.deadline = deadline;
    }

    @Override
    public boolean cancel() {
        return loop.cancel(this);
    }

    @Override
    public boolean isPending() {
        return loop.isPending(this);
    }

    @Override
    public int compareTo(LoopTimer other) {
        int byDeadline = Long.compare(deadline, other.deadline);
        return byDeadline != 0 ? byDeadline : Long.compare(order, other.order);
    }

    @Override
    public String toString() {
        return what + (fired ? " (ran)" : cancelled ? " (cancelled)" : " (pending)");
    }
}
