package dev.courier.worker;

/**
 * A pending {@link WorkerContext#setTimeout timeout} or {@link WorkerContext#setImmediate immediate}.
 * A pending timer keeps its worker alive. Thread contract: any thread may cancel; a callback already
 * running is not interrupted.
 */
public interface TimerHandle {

    /** Cancels the callback if it has not run yet. Returns whether this call cancelled it. */
    boolean cancel();

    /** Whether the callback is still waiting to run. */
    boolean isPending();
}
