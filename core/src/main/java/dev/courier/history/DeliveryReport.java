package dev.courier.history;

import java.util.List;
import java.util.Objects;

/**
 * The delivery verdict of one snapshot, after Jepsen's total-queue checker: every message is ok
 * (delivered exactly once and decoded), lost (dropped, with its cause), duplicated, unexpected (delivered, never
 * sent) or pending (still in flight). Unlike Jepsen, duplicates fail. Immutable; built by
 * {@link Checks#delivery(HistorySnapshot)}.
 *
 * @param sentCount      messages with a SENT event
 * @param deliveredCount DELIVERED events
 * @param ok             messages sent and delivered exactly once
 * @param lost           sent and dropped, in log order of the drop's message
 * @param duplicated     sent and delivered more than once
 * @param unexpected     delivered but never sent
 * @param pending        sent, neither delivered nor dropped at the snapshot
 * @param undecoded      sent and taken off the queue once, but decoding failed (messageerror): never seen by
 *                       a message listener, so not ok
 * @param channels       counts per sender to receiver pair, in order of first appearance
 * @param receivers      counts per receiver (sender null), in order of first appearance
 * @param anomalies      the diagnosed causes, one per cause and endpoint
 */
public record DeliveryReport(int sentCount, int deliveredCount, int ok, List<LostMessage> lost,
                             List<DuplicatedMessage> duplicated, List<UnexpectedMessage> unexpected,
                             List<PendingMessage> pending, List<MessageError> undecoded,
                             List<DeliveryCounts> channels,
                             List<DeliveryCounts> receivers, List<Anomaly> anomalies) {

    public DeliveryReport {
        lost = List.copyOf(lost);
        duplicated = List.copyOf(duplicated);
        unexpected = List.copyOf(unexpected);
        pending = List.copyOf(pending);
        undecoded = List.copyOf(undecoded);
        channels = List.copyOf(channels);
        receivers = List.copyOf(receivers);
        anomalies = List.copyOf(anomalies);
    }

    /** No lost, duplicated, unexpected, pending or undecoded message. */
    public boolean isClean() {
        return lost.isEmpty() && duplicated.isEmpty() && unexpected.isEmpty() && pending.isEmpty()
                && undecoded.isEmpty();
    }

    /** The counts of one channel, or null when nothing went from {@code sender} to {@code receiver}. */
    public DeliveryCounts channel(String sender, String receiver) {
        return channels.stream().filter(c -> Objects.equals(c.sender(), sender)
                && Objects.equals(c.receiver(), receiver))
                .findFirst().orElse(null);
    }

    /** The counts of one receiver over all senders, or null when nothing went to it. */
    public DeliveryCounts receiver(String receiver) {
        return receivers.stream().filter(c -> Objects.equals(c.receiver(), receiver)).findFirst().orElse(null);
    }

    /** A one-line summary followed by the anomalies. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("sent ").append(sentCount).append(", delivered ")
                .append(deliveredCount).append(", ok ").append(ok).append(", lost ").append(lost.size())
                .append(", duplicated ").append(duplicated.size()).append(", unexpected ")
                .append(unexpected.size()).append(", pending ").append(pending.size());
        if (!undecoded.isEmpty()) {
            text.append(", undecoded ").append(undecoded.size());
        }
        anomalies.forEach(anomaly -> text.append("\n- ").append(anomaly));
        return text.toString();
    }
}
