package dev.courier.history;

/**
 * The cause a {@link Anomaly} names. Every kind is a failure except the informational ones
 * ({@link #isFailure()} false), which describe expected behaviour a test may wrongly rely on.
 */
public enum AnomalyKind {
    /** Messages dropped (NO_LISTENER) because the receiver registered its message listener late or never. */
    LATE_LISTENER,
    /** {@code terminate()} discarded queued messages (TERMINATED). */
    TERMINATED_WITH_QUEUED,
    /** A worker crashed (or ended) with messages still queued (WORKER_EXITED). */
    CRASHED_WITH_QUEUED,
    /** Messages posted to an exited worker or closed port (PORT_CLOSED), often a reference kept across a restart. */
    STALE_REFERENCE,
    /** A bounded queue was full and dropped messages (OVERFLOW). */
    OVERFLOW,
    /** {@code postMessage} could not clone a payload (CLONE_FAILED). */
    CLONE_FAILURE,
    /** Decoding failed at a receiver that had no {@code messageerror} listener. */
    UNHANDLED_MESSAGE_ERROR,
    /** Decoding failed at a receiver and its {@code messageerror} listener got the error: informational. */
    HANDLED_MESSAGE_ERROR(false),
    /**
     * Messages of one sender to one receiver were delivered out of their send order (not judged for receivers
     * with competing consumers, whose recording order is not the queue's).
     */
    PER_SENDER_ORDER_VIOLATED,
    /** Messages with the same key were delivered out of their send order. */
    KEY_ORDER_VIOLATED,
    /**
     * Messages of different senders to one receiver (or one worker, across the ports transferred into
     * it) interleaved differently than sent: expected, informational.
     */
    CROSS_SENDER_INTERLEAVING(false),
    /** A message was delivered more than once. */
    DUPLICATE_DELIVERY,
    /** A message was delivered that was never recorded as sent. */
    UNEXPECTED_DELIVERY,
    /** A message was dropped with no recorded cause, or sent and neither delivered nor dropped. */
    LOST_UNKNOWN_CAUSE,
    /**
     * A message never arrived because a stage that carried it threw: a {@code Taps.stage(...)} function, or a
     * future tracked with {@code StageTap.track} / {@code Recorder.track} that completed exceptionally.
     */
    STAGE_FAILED,
    /** A message was still in flight (neither delivered nor dropped) when the snapshot was taken. */
    PENDING,
    /** More listeners of one type on one endpoint than the threshold: likely added per message. */
    LISTENER_LEAK,
    /** An uncaught exception in a worker's script or listener. */
    WORKER_ERROR,
    /** A receiver still had queued messages when the snapshot was taken. */
    UNDRAINED_QUEUE,
    /**
     * A worker was online and had not exited at a teardown check ({@code LifecycleOptions.atTeardown()}); a
     * running worker is healthy in a mid-test check and never reported there.
     */
    LIVE_WORKER,
    /** Messages were delivered later than the deadline a test gave. */
    DEADLINE_MISSED,
    /** A delivered payload differs from the sent one. */
    FIDELITY,
    /** A payload shared by a sharing codec changed between send and delivery. */
    MUTATED_IN_FLIGHT,
    /**
     * A read-modify-write of one index of a recording {@code SharedBuffer} view was interleaved by another
     * thread's write, which the stale write then overwrote.
     */
    LOST_UPDATE;

    private final boolean failure;

    AnomalyKind() {
        this(true);
    }

    AnomalyKind(boolean failure) {
        this.failure = failure;
    }

    /** Whether this kind makes a history fail; informational kinds explain, they do not fail. */
    public boolean isFailure() {
        return failure;
    }
}
