package dev.courier.history.internal;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.QueueReport;
import dev.courier.history.QueueStats;
import java.util.ArrayList;
import java.util.List;

/**
 * Queue depths per receiver: high-water marks from the ENQUEUED depths (one pass over the events),
 * then the fate of every enqueued message (one pass over the {@link MessageFacts} slots).
 *
 * <p>Thread contract: a pure function; each call uses its own state.
 */
public final class QueueScan {

    private static final int HIGH_WATER = 0;
    private static final int ENQUEUED = 1;
    private static final int DELIVERED = 2;
    private static final int DROPPED = 3;
    private static final int REMAINING = 4;

    private QueueScan() {
    }

    /** The queue report of the snapshot behind {@code facts}. */
    public static QueueReport report(MessageFacts facts) {
        HistorySnapshot snapshot = facts.snapshot();
        int[][] counters = new int[snapshot.endpointIdBound()][];
        List<Integer> order = new ArrayList<>();
        for (int index = 0, size = snapshot.size(); index < size; index++) {
            if (snapshot.kind(index) == EventKind.ENQUEUED) {
                int receiver = snapshot.receiverId(index);
                if (counters[receiver] == null) {
                    counters[receiver] = new int[REMAINING + 1];
                    order.add(receiver);
                }
                counters[receiver][HIGH_WATER] = Math.max(counters[receiver][HIGH_WATER], snapshot.number(index));
            }
        }
        for (int slot = 0, messages = facts.messages(); slot < messages; slot++) {
            int enqueued = facts.enqueuedIndex(slot);
            if (enqueued < 0) {
                continue;
            }
            int[] counts = counters[snapshot.receiverId(enqueued)];
            counts[ENQUEUED]++;
            int fate = facts.deliveredIndex(slot) >= 0 ? DELIVERED : facts.droppedIndex(slot) >= 0 ? DROPPED : REMAINING;
            counts[fate]++;
        }
        List<QueueStats> queues = new ArrayList<>(order.size());
        List<Anomaly> anomalies = new ArrayList<>();
        for (int receiver : order) {
            int[] c = counters[receiver];
            QueueStats queue = new QueueStats(snapshot.endpointLabel(receiver), c[HIGH_WATER], c[ENQUEUED],
                    c[DELIVERED], c[DROPPED], c[REMAINING]);
            queues.add(queue);
            if (queue.remaining() > 0) {
                anomalies.add(undrained(queue));
            }
        }
        return new QueueReport(queues, anomalies);
    }

    private static Anomaly undrained(QueueStats queue) {
        return new Anomaly(AnomalyKind.UNDRAINED_QUEUE, queue.receiver(), List.of(), "`" + queue.receiver()
                + "` still had " + Text.count(queue.remaining(), "queued message") + " when the snapshot was taken "
                + "(enqueued " + queue.enqueued() + ", delivered " + queue.delivered() + ", dropped "
                + queue.dropped() + ", high-water mark " + queue.highWaterMark() + ")", "drain before teardown: "
                + "close() the worker or port (or wait for acknowledgements) instead of leaving messages queued");
    }
}
