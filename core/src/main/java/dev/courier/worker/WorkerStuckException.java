package dev.courier.worker;

/**
 * {@code close()} could not drain a worker within its drain timeout: the worker was busy (typically
 * blocked inside a listener). The message names the worker, what it was doing (which listener, which
 * message) and its thread's state and stack; whether an interrupt then stopped it is in
 * {@link #stoppedAfterInterrupt()}. Queued messages were dropped (recorded as TERMINATED).
 */
public class WorkerStuckException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String worker;
    private final String activity;
    private final String threadDump;
    private final boolean stoppedAfterInterrupt;

    public WorkerStuckException(String worker, String activity, String threadDump, String message,
                                boolean stoppedAfterInterrupt) {
        super(message);
        this.worker = worker;
        this.activity = activity;
        this.threadDump = threadDump;
        this.stoppedAfterInterrupt = stoppedAfterInterrupt;
    }

    /** The worker's label, {@code <name>#<id>}. */
    public String worker() {
        return worker;
    }

    /** What the worker was doing when the drain timed out. */
    public String activity() {
        return activity;
    }

    /** The worker thread's name, state and stack. */
    public String threadDump() {
        return threadDump;
    }

    /** Whether the worker thread ended after close() interrupted it; false means it is still running. */
    public boolean stoppedAfterInterrupt() {
        return stoppedAfterInterrupt;
    }
}
