package dev.courier.history.internal;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import java.util.List;

/**
 * Explains overflow drops at one receiver: the queue's capacity and policy (from the drop's detail),
 * its high-water mark (largest ENQUEUED depth) and the send rate against the handle rate, measured over
 * the window from the first to the last SENT (HANDLED) event at that receiver.
 *
 * <p>Thread contract: used by one checker call; reads an immutable snapshot.
 */
final class OverflowExplanation {

    private final HistorySnapshot snapshot;

    OverflowExplanation(HistorySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    Anomaly explain(int count, String receiver, int firstDrop, List<Long> ids) {
        int receiverId = snapshot.receiverId(firstDrop);
        int highWater = 0;
        long sent = 0;
        long firstSent = 0;
        long lastSent = 0;
        long handled = 0;
        long firstHandled = 0;
        long lastHandled = 0;
        for (int index = 0, size = snapshot.size(); index < size; index++) {
            if (snapshot.receiverId(index) != receiverId) {
                continue;
            }
            EventKind kind = snapshot.kind(index);
            long time = snapshot.timeNanos(index);
            if (kind == EventKind.ENQUEUED) {
                highWater = Math.max(highWater, snapshot.number(index));
            } else if (kind == EventKind.SENT) {
                firstSent = sent++ == 0 ? time : firstSent;
                lastSent = time;
            } else if (kind == EventKind.HANDLED) {
                firstHandled = handled++ == 0 ? time : firstHandled;
                lastHandled = time;
            }
        }
        String limits = snapshot.detail(firstDrop);
        String explanation = "the bounded queue of `" + receiver + "`" + (limits == null ? "" : " (" + limits + ")")
                + " overflowed: " + Text.count(count, "message") + " " + Text.were(count) + " dropped (OVERFLOW), "
                + "high-water mark " + highWater + "; messages were sent at " + Text.rate(sent, lastSent - firstSent)
                + " and handled at " + Text.rate(handled, lastHandled - firstHandled);
        return new Anomaly(AnomalyKind.OVERFLOW, receiver, ids, explanation, "add backpressure (an acknowledgement "
                + "protocol with a bounded in-flight window) or give the queue a larger capacity");
    }
}
