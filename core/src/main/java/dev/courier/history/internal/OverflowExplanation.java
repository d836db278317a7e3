package dev.courier.history.internal;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains overflow drops at one receiver: the queue's capacity and policy (from the drop's detail),
 * its high-water mark (largest ENQUEUED depth) and the send rate against the handle rate, measured over
 * the window from the first to the last SENT (HANDLED) event at that receiver. A tapped executor's rejection
 * policy names itself in the detail ("discarded by DiscardPolicy, capacity 4, ..."): its tasks are explained as
 * what the policy did, and the fix names the policy and the capacity.
 *
 * <p>Thread contract: used by one checker call; reads an immutable snapshot.
 */
final class OverflowExplanation {

    /** "discarded by DiscardPolicy, capacity 4, ...", "rejected by AbortPolicy, capacity 4, ...". */
    private static final Pattern POLICY = Pattern.compile("^(discarded|rejected) by (\\w+)");
    private static final Pattern CAPACITY = Pattern.compile("capacity (\\d+)");

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
        Matcher policy = limits == null ? null : POLICY.matcher(limits);
        if (policy != null && policy.find()) {
            Matcher capacity = CAPACITY.matcher(limits);
            String facts = limits.substring(policy.end()).replaceFirst("^[ ,]+", "");
            return rejected(count, receiver, ids, facts, policy.group(1), policy.group(2),
                    capacity.find() ? capacity.group(1) : null, highWater, Text.rate(sent, lastSent - firstSent),
                    Text.rate(handled, lastHandled - firstHandled));
        }
        String explanation = "the bounded queue of `" + receiver + "`" + (limits == null ? "" : " (" + limits + ")")
                + " overflowed: " + Text.count(count, "message") + " " + Text.were(count) + " dropped (OVERFLOW), "
                + "high-water mark " + highWater + "; messages were sent at " + Text.rate(sent, lastSent - firstSent)
                + " and handled at " + Text.rate(handled, lastHandled - firstHandled);
        return new Anomaly(AnomalyKind.OVERFLOW, receiver, ids, explanation, "add backpressure (an acknowledgement "
                + "protocol with a bounded in-flight window) or give the queue a larger capacity");
    }

    private static Anomaly rejected(int count, String receiver, List<Long> ids, String facts, String verb,
                                    String policy, String capacity, int highWater, String submitRate,
                                    String finishRate) {
        String queue = capacity == null ? "its queue" : "its queue (capacity " + capacity + ")";
        String explanation = "`" + receiver + "` had no room for " + Text.count(count, "task") + ": " + queue
                + " was full and every thread busy, so " + (count == 1 ? "it was " : "they were ") + verb + " by "
                + policy + " (OVERFLOW; " + facts + "), high-water mark " + highWater + "; tasks were submitted at "
                + submitRate.replace("messages/s", "tasks/s") + " and finished at "
                + finishRate.replace("messages/s", "tasks/s");
        String room = capacity == null ? "a bigger queue" : "a queue bigger than " + capacity;
        String what = switch (policy) {
            case "DiscardPolicy" -> "DiscardPolicy drops a task silently when the queue is full";
            case "DiscardOldestPolicy" -> "DiscardOldestPolicy silently drops the oldest queued task to make room";
            case "AbortPolicy" -> "AbortPolicy throws RejectedExecutionException at the submitter when the queue "
                    + "is full (a caught and ignored exception loses the task)";
            default -> policy + " did not run the task when the queue was full";
        };
        return new Anomaly(AnomalyKind.OVERFLOW, receiver, ids, explanation, what + ": bound the producer (e.g. "
                + "a Semaphore with as many permits as queue slots, released when a task ends), give "
                + "the pool " + room + ", or use CallerRunsPolicy so a full queue slows the submitter down instead "
                + "of losing tasks");
    }
}
