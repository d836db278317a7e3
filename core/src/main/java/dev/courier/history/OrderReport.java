package dev.courier.history;

import java.util.List;

/**
 * The order verdict of one snapshot. Per-sender FIFO: for each sender to receiver pair, delivered
 * sequence numbers increase (a repeated number is a duplicate, reported by {@link DeliveryReport}).
 * Cross-sender: a delivery that comes after a message of another sender that was sent later (by log
 * index) and delivered by the same owner: the same receiver, or the same worker when ports were
 * transferred into it (recorded as {@link EventKind#PORT_TRANSFERRED}). Per-key, when a key function was given: messages with equal keys are delivered in send order.
 * Each list keeps the first {@link #KEPT} cases; the totals count all. Immutable; built by
 * {@link Checks#order(HistorySnapshot)}.
 *
 * @param perSenderViolations  first per-sender FIFO violations
 * @param perSenderTotal       all per-sender FIFO violations
 * @param globalInversions     first cross-sender inversions
 * @param globalTotal          deliveries out of global send order across senders
 * @param keyViolations        first per-key violations (empty without a key function)
 * @param keyTotal             all per-key violations
 * @param anomalies            the diagnosed causes, one per cause and receiver
 */
public record OrderReport(List<OrderInversion> perSenderViolations, long perSenderTotal,
                          List<OrderInversion> globalInversions, long globalTotal,
                          List<OrderInversion> keyViolations, long keyTotal, List<Anomaly> anomalies) {

    /** How many cases of each kind a report keeps. */
    public static final int KEPT = 20;

    public OrderReport {
        perSenderViolations = List.copyOf(perSenderViolations);
        globalInversions = List.copyOf(globalInversions);
        keyViolations = List.copyOf(keyViolations);
        anomalies = List.copyOf(anomalies);
    }

    /** Per-sender FIFO held for every sender to receiver pair. */
    public boolean isInSendOrderPerSender() {
        return perSenderTotal == 0;
    }

    /** Every receiver got its messages in global send order (which no runtime promises across senders). */
    public boolean isInGlobalSendOrder() {
        return perSenderTotal == 0 && globalTotal == 0;
    }

    /** Messages with equal keys were delivered in send order (trivially true without a key function). */
    public boolean isInSendOrderPerKey() {
        return keyTotal == 0;
    }

    /** A summary followed by the anomalies. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("per-sender violations ").append(perSenderTotal)
                .append(", cross-sender inversions ").append(globalTotal).append(", per-key violations ")
                .append(keyTotal);
        anomalies.forEach(anomaly -> text.append("\n- ").append(anomaly));
        return text.toString();
    }
}
