package dev.courier.worker.internal;

/**
 * Something that runs tasks one at a time: a worker's event loop or a dispatcher, on a thread of its own
 * or as steps of a simulation. Ports dispatch their messages through the loop that owns them.
 *
 * <p>Thread contract: {@link #execute} and {@link #wake} may be called from any thread and never block
 * beyond a short internal lock; tasks run on the loop's thread (or in its host's steps) in submission order.
 */
public interface Loop {

    /** Queues {@code task} to run on the loop's thread; {@code what} names it in state reports. False if the loop has ended. */
    boolean execute(String what, Runnable task);

    /** Asks the loop to re-check whether it should keep running. */
    void wake();

    /** Whether the calling thread is this loop's thread. */
    boolean isLoopThread();

    /** Whether an exception escaping a listener ends the loop (a worker crashes; a dispatcher goes on). */
    boolean crashesOnListenerError();

    /**
     * What the loop's thread is doing now, for stuck reports. Called on the loop's thread; the description's
     * {@code toString()} is taken only when a report reads it, on the reading thread.
     */
    void activity(Object description);

    /** Attaches a port whose listeners keep the loop alive and that is shut down when the loop ends. */
    void ref(LoopMember member);

    /** Detaches a port (transferred elsewhere). */
    void unref(LoopMember member);

    /**
     * The history label of the side that delivers for ports attached here: a worker's {@code <name>#<id>},
     * or {@code main} for a dispatcher (no worker owns its ports).
     */
    String ownerLabel();
}
