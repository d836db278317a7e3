package dev.courier.worker;

import dev.courier.history.DeliveryLog;
import java.time.Duration;

/**
 * What a worker's script sees: its port to the main side, its data and identity, timers and exit.
 *
 * <p>Thread contract: callbacks registered here (timers, immediates, listeners on ports the worker owns)
 * always run on the worker's thread. Every method may be called from any thread; {@link #exit(int)}
 * unwinds immediately only when called on the worker's thread.
 */
public interface WorkerContext {

    /** The worker's end of the channel to its parent ({@code parentPort} in Node). */
    MessagePort parentPort();

    /** The {@code workerData} option, cloned with the worker's codec at start (null if none). */
    Object workerData();

    /** {@link #workerData()} cast to {@code type}. */
    default <T> T workerData(Class<T> type) {
        return type.cast(workerData());
    }

    /** The worker's id, from 1: unique in the process, or, under a {@code Simulation}, within that simulation. */
    int threadId();

    /** The worker's name (option {@code name}). */
    String name();

    /** {@code <name>#<threadId>}, the worker's endpoint label in the history. */
    String label();

    /** Runs {@code callback} on the worker's thread once {@code delay} has passed on the worker's clock. */
    TimerHandle setTimeout(Runnable callback, Duration delay);

    /** Runs {@code callback} on the worker's thread after what is already queued. */
    TimerHandle setImmediate(Runnable callback);

    /**
     * Ends the worker with {@code code}: on the worker's thread it unwinds at once (queued messages are
     * dropped as WORKER_EXITED); from another thread it asks the worker to stop after its current task.
     */
    void exit(int code);

    /** The history this worker records into. */
    DeliveryLog log();

    /** Now, on the worker's clock (the scheduler seam). */
    long nanoTime();
}
