package dev.courier.tap.internal;

/**
 * A task an executor tap recorded as one message: what a {@link RejectionRecorder} needs to record what
 * the pool's rejection policy did with it.
 *
 * <p>Thread contract: implementations are immutable apart from their recording state, which their
 * {@link Ledger} guards; any thread may read these accessors.
 */
public interface TrackedTask {

    /** The send this task stands for. */
    PendingSend send();

    /** The receiver this task was sent to. */
    Ledger ledger();
}
