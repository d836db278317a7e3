package dev.courier.worker.internal;

/**
 * Thrown by {@code WorkerContext.exit(code)} on the worker's own thread to unwind the script or listener
 * and end the worker with that code. An {@link Error} so that {@code catch (Exception e)} in user code
 * does not swallow it.
 */
public final class ExitSignal extends Error {

    private static final long serialVersionUID = 1L;

    private final int code;

    public ExitSignal(int code) {
        super("worker exit(" + code + ")", null, false, false);
        this.code = code;
    }

    /** The exit code. */
    public int code() {
        return code;
    }
}
