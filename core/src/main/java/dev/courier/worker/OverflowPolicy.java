package dev.courier.worker;

/** What a bounded queue does when a message arrives and it is full (S5). Drops are recorded as OVERFLOW. */
public enum OverflowPolicy {
    /** The sender waits for space, bounded by {@code WorkerOptions.blockTimeout}, then gets a {@link QueueFullException}. */
    BLOCK,
    /** The new message is dropped; the sender is not told. */
    DROP_NEWEST,
    /** The oldest queued message is dropped to make room. */
    DROP_OLDEST,
    /** The new message is dropped and the sender gets a {@link QueueFullException}. */
    FAIL
}
