package dev.courier.history;

import dev.courier.history.internal.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SENT to DELIVERED and SENT to HANDLED latencies, per receiver and over all receivers. Immutable; built
 * by {@link Checks#latency(HistorySnapshot)}. Latency alone is never an anomaly: ask for
 * {@link #deadlineAnomalies(Duration)} with the deadline the test promises.
 *
 * @param delivery        SENT to DELIVERED per receiver, in order of first delivery
 * @param handling        SENT to HANDLED per receiver, in order of first handling
 * @param deliveryOverall SENT to DELIVERED over all receivers
 * @param handlingOverall SENT to HANDLED over all receivers
 */
public record LatencyReport(List<LatencyStats> delivery, List<LatencyStats> handling, LatencyStats deliveryOverall,
                            LatencyStats handlingOverall) {

    public LatencyReport {
        delivery = List.copyOf(delivery);
        handling = List.copyOf(handling);
        Objects.requireNonNull(deliveryOverall, "deliveryOverall");
        Objects.requireNonNull(handlingOverall, "handlingOverall");
    }

    /** SENT to DELIVERED latencies at {@code receiver}; empty stats when nothing was delivered to it. */
    public LatencyStats delivery(String receiver) {
        return delivery.stream().filter(s -> Objects.equals(s.receiver(), receiver)).findFirst()
                .orElse(LatencyStats.of(receiver, new long[0], new long[0]));
    }

    /** SENT to HANDLED latencies at {@code receiver}; empty stats when nothing was handled there. */
    public LatencyStats handling(String receiver) {
        return handling.stream().filter(s -> Objects.equals(s.receiver(), receiver)).findFirst()
                .orElse(LatencyStats.of(receiver, new long[0], new long[0]));
    }

    /** Overall SENT to DELIVERED percentile. */
    public Duration percentile(double percent) {
        return deliveryOverall.percentile(percent);
    }

    /** Ids of messages delivered later than {@code deadline} after they were sent, over all receivers. */
    public List<Long> deadlineMisses(Duration deadline) {
        return deliveryOverall.deadlineMisses(deadline);
    }

    /** No anomalies without a deadline: latency is judged only against one. */
    public List<Anomaly> anomalies() {
        return List.of();
    }

    /** One DEADLINE_MISSED anomaly per receiver with deliveries slower than {@code deadline}. */
    public List<Anomaly> deadlineAnomalies(Duration deadline) {
        List<Anomaly> anomalies = new ArrayList<>();
        for (LatencyStats stats : delivery) {
            List<Long> misses = stats.deadlineMisses(deadline);
            if (!misses.isEmpty()) {
                anomalies.add(new Anomaly(AnomalyKind.DEADLINE_MISSED, stats.receiver(), misses, misses.size()
                        + " of " + stats.count() + (stats.count() == 1 ? " message" : " messages") + " to `"
                        + stats.receiver() + "` " + (misses.size() == 1 ? "was" : "were") + " delivered later than "
                        + DurationText.of(deadline) + " after " + (misses.size() == 1 ? "it was" : "they were")
                        + " sent (max " + DurationText.of(stats.max()) + ")",
                        "find what holds the receiver up (a slow or blocking listener, a long queue) or relax the "
                        + "deadline"));
            }
        }
        return anomalies;
    }
}
