package dev.courier.clone.internal;

import dev.courier.clone.TransferContext;

/**
 * What a {@link CopyHandler} and its cursors may ask of the clone they take part in: look up or schedule
 * the copies of children, record copies, account for sizes, and put work on the clone's explicit stack.
 * The clone engine implements it; copiers know only this interface, so dependencies run one way, from the
 * engine to the copiers.
 *
 * <p>Thread contract: confined to the thread running the clone, like the engine behind it.
 */
public interface CopyContext {

    /** Answered by {@link #copyIfReady} for a value that needs copying work. */
    Object PENDING = new Object() {
        @Override
        public String toString() {
            return "PENDING";
        }
    };

    /**
     * Arranges for {@code value}'s copy to reach {@code sink}: at once for nulls, shared values and values
     * already copied, otherwise through a task pushed on the stack.
     */
    void schedule(Object value, PathNode path, Sink sink);

    /**
     * The copy of {@code value} when it needs no work (null, a shared value, a value already copied), else
     * {@link #PENDING}; then {@link #startChild} must follow for the same value.
     */
    Object copyIfReady(Object value);

    /**
     * Replaces, from {@code from} on, each element of a private buffer by its copy while that copy needs no
     * work; answers the index of the first element that does (after {@link #copyIfReady} answered
     * {@link #PENDING} for it), or the length when none does.
     */
    int replaceReady(Object[] items, int from);

    /** Whether every element is null or shared, so that a copy of the array holds the same elements. */
    boolean allShared(Object[] items);

    /**
     * Starts copying {@code value}, for which {@link #copyIfReady} just answered {@link #PENDING}, at once:
     * the calling cursor is already on the stack below whatever the copy pushes.
     */
    void startChild(Object value, PathNode path, Sink sink);

    /** Records {@code copy} as the copy of {@code original} (replacing an in-progress mark). */
    void register(Object original, Object copy);

    /** Marks {@code original} as being built from its parts: reaching it again before then is an error. */
    void markInProgress(Object original);

    /** Adds an estimated allocation; throws when it crosses {@code maxBytes}. */
    void account(PathNode path, Object value, long estimatedBytes);

    /** How many more estimated bytes this copy may allocate before it crosses {@code maxBytes}. */
    long remainingBytes();

    /** The transfer list of this clone. */
    TransferContext transfers();

    /** Pushes a task to run after everything currently scheduled above it. */
    void later(Task task);

    /** Pushes a task on the stack (a cursor putting itself back). */
    void push(Task task);

    /** How many tasks are on the stack. */
    int depth();

    /** Takes the top task off the stack. */
    void pop();

    /** Takes {@code task} off the stack; it sits a few entries below the top. */
    void remove(Task task);
}
