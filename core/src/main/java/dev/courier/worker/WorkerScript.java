package dev.courier.worker;

/**
 * The body of a worker, run on the worker's thread as its "top level". Register listeners here,
 * synchronously, to receive the messages already waiting.
 */
@FunctionalInterface
public interface WorkerScript {

    /** Runs the script. An exception escaping it crashes the worker (exit code 1, recorded). */
    void run(WorkerContext ctx) throws Exception;
}
