package dev.courier.worker.internal;

/**
 * Carries a listener's exception out of a port's dispatch to the worker loop, with where it was thrown
 * ("message listener", "messageerror listener"), so the loop can record and report the crash.
 */
public final class ListenerFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String where;

    public ListenerFailure(String where, Throwable cause) {
        super(where + " threw " + cause, cause, false, false);
        this.where = where;
    }

    /** Where the exception was thrown. */
    public String where() {
        return where;
    }
}
