package dev.courier.history.internal;

import dev.courier.history.EventKind;
import dev.courier.history.HandlingReport;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which delivered messages were handled, are still in their listener, or made their listener throw: one pass
 * over the HANDLED events plus the {@link MessageFacts}.
 *
 * <p>Thread contract: a pure function; each call uses its own state.
 */
public final class HandlingScan {

    private HandlingScan() {
    }

    /** The handling report of the snapshot behind {@code facts}. */
    public static HandlingReport report(MessageFacts facts) {
        HistorySnapshot snapshot = facts.snapshot();
        int[] threwAt = new int[facts.messages()];
        boolean[] ok = new boolean[facts.messages()];
        Arrays.fill(threwAt, -1);
        for (int index = 0, size = snapshot.size(); index < size; index++) {
            if (snapshot.kind(index) != EventKind.HANDLED) {
                continue;
            }
            int slot = facts.slotOf(snapshot.messageId(index));
            if (snapshot.outcome(index) == Outcome.THREW) {
                threwAt[slot] = threwAt[slot] < 0 ? index : threwAt[slot];
            } else {
                ok[slot] = true;
            }
        }
        int handled = 0;
        List<HandlingReport.Handled> inListener = new ArrayList<>();
        List<HandlingReport.Handled> threw = new ArrayList<>();
        for (int slot = 0; slot < facts.messages(); slot++) {
            int delivered = facts.deliveredIndex(slot);
            if (threwAt[slot] >= 0) {
                int at = threwAt[slot];
                threw.add(new HandlingReport.Handled(facts.id(slot), snapshot.sender(at), snapshot.receiver(at),
                        snapshot.sequence(at), snapshot.error(at), at));
            } else if (ok[slot]) {
                handled++;
            } else if (delivered >= 0 && facts.messageErrorIndex(slot) < 0) {
                inListener.add(new HandlingReport.Handled(facts.id(slot), snapshot.sender(delivered),
                        snapshot.receiver(delivered), snapshot.sequence(delivered), null, delivered));
            }
        }
        return new HandlingReport(handled, inListener, threw);
    }
}
