package dev.courier.worker.internal;

/**
 * What a {@link WorkerLoop} runs and whom it tells; implemented by the worker.
 *
 * <p>Thread contract: every method is called on the loop's thread (or in its host's steps), one at a time.
 */
public interface LoopBody {

    /** Runs the script (the top level). */
    void script() throws Exception;

    /** An uncaught exception ended the worker; {@code where} is "script", "message listener", "timer", ... */
    void failed(String where, Throwable error);

    /** The loop ended with {@code code}; the ports are already shut down. */
    void exited(int code);
}
