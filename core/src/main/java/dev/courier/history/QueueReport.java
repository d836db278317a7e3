package dev.courier.history;

import java.util.List;
import java.util.Objects;

/**
 * Queue depths per receiver: high-water marks and what is still queued. Immutable; built by
 * {@link Checks#queues(HistorySnapshot)}.
 *
 * @param queues    one entry per receiver with ENQUEUED events, in order of first enqueue
 * @param anomalies an UNDRAINED_QUEUE anomaly per receiver with messages still queued
 */
public record QueueReport(List<QueueStats> queues, List<Anomaly> anomalies) {

    public QueueReport {
        queues = List.copyOf(queues);
        anomalies = List.copyOf(anomalies);
    }

    /** The queue of {@code receiver}, or null when nothing was enqueued there. */
    public QueueStats queue(String receiver) {
        return queues.stream().filter(q -> Objects.equals(q.receiver(), receiver)).findFirst().orElse(null);
    }

    /** The high-water mark of {@code receiver}'s queue, 0 when nothing was enqueued there. */
    public int maxDepth(String receiver) {
        QueueStats queue = queue(receiver);
        return queue == null ? 0 : queue.highWaterMark();
    }

    /** The queues with messages still queued at the snapshot. */
    public List<QueueStats> undrained() {
        return queues.stream().filter(q -> q.remaining() > 0).toList();
    }
}
