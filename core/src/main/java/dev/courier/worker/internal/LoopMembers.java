package dev.courier.worker.internal;

import dev.courier.history.DropCause;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The ports attached to a {@link WorkerLoop}: whether any keeps the loop alive, and shutting them all down
 * when it ends.
 *
 * <p>Thread contract: {@link #add}, {@link #remove} and {@link #keepAlive} may be called from any thread and
 * never block (a copy-on-write set; {@link #keepAlive} is called under the loop's lock, so it takes none);
 * {@link #endAll} is called on the loop's thread (or host step) once, as the loop ends.
 */
final class LoopMembers {

    // Insertion-ordered, so ports are shut down (and their drops recorded) in the same order every run.
    private final Set<LoopMember> members = new CopyOnWriteArraySet<>();

    void add(LoopMember member) {
        members.add(member);
    }

    /** Returns whether {@code member} was attached. */
    boolean remove(LoopMember member) {
        return members.remove(member);
    }

    /** Whether some attached port keeps the loop alive. */
    boolean keepAlive() {
        for (LoopMember member : members) {
            if (member.keepsLoopAlive()) {
                return true;
            }
        }
        return false;
    }

    /** Shuts every attached port down with {@code cause}, in attach order, and forgets them. */
    void endAll(DropCause cause) {
        for (LoopMember member : members) {
            member.loopEnded(cause);
        }
        members.clear();
    }
}
