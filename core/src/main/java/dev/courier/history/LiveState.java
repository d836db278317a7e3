package dev.courier.history;

/**
 * Something running whose current state a timeout report can print: a worker, a port, a tap.
 * Registered with {@link HistoryWriter#register(LiveState)} by the runtime; read by assertions when a wait
 * times out. Implementations must be safe to call from any thread and must not block.
 */
public interface LiveState {

    /** The endpoint label this state belongs to, as used in the log's events. */
    String label();

    /** One or more lines: queue depth, listener counts, thread state and stack, open/closed. */
    String describe();

    /** Whether it still runs (a live thread, an open port); used for leak checks at teardown. */
    boolean isAlive();
}
