package dev.courier.worker.internal;

import dev.courier.history.DropCause;

/** A port attached to a {@link Loop}. Implementations must be thread-safe and never block. */
public interface LoopMember {

    /** Whether this member keeps its loop alive (an open port with message listeners). Must not take locks. */
    boolean keepsLoopAlive();

    /** The loop ended: drop what is queued for this member with {@code cause} and close it. */
    void loopEnded(DropCause cause);
}
