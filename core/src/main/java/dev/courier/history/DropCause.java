package dev.courier.history;

/** Why a message was dropped. Recorded on {@link EventKind#DROPPED} events. */
public enum DropCause {
    /** The receiver had no message listener and its policy drops rather than queues. */
    NO_LISTENER,
    /** The receiver's bounded queue was full (DROP_NEWEST, DROP_OLDEST or FAIL). */
    OVERFLOW,
    /** {@code terminate()} discarded the message while it was queued. */
    TERMINATED,
    /** The worker exited (crash or end of script) with the message still queued. */
    WORKER_EXITED,
    /** The message was posted to a closed port or an exited worker. */
    PORT_CLOSED;

    private static final DropCause[] VALUES = values();

    /** The constant for an ordinal; {@code -1} gives {@code null}. */
    public static DropCause ofOrdinal(int ordinal) {
        return ordinal < 0 ? null : VALUES[ordinal];
    }
}
