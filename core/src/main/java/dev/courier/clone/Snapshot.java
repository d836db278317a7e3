package dev.courier.clone;

import dev.courier.clone.internal.FidelityWalker;
import java.util.List;

/**
 * A deep structured copy of a payload taken at send time, kept to detect mutation in flight when a
 * sharing codec (such as {@link Codecs#identity()}) hands the sender's very objects to the receiver.
 *
 * <p>Cost: one deep copy per send, and one comparison per delivery; opt-in for that reason.
 *
 * <p>Thread contract: immutable holder; {@link #mutations()} reads the live payload, so call it where
 * the payload is not being mutated concurrently (e.g. on the receiving thread just before delivery).
 *
 * @param payload the live payload as sent (shared with the receiver)
 * @param copy    the deep copy taken at send time
 */
public record Snapshot(Object payload, Object copy) {

    /**
     * The changes made to the payload since the snapshot (as {@code Fidelity.compare(copy, payload)}):
     * expected = at send, actual = now.
     */
    public List<Difference> mutations() {
        return FidelityWalker.compare(copy, payload);
    }
}
