package dev.courier.assertions;

import dev.courier.history.LatencyReport;
import dev.courier.history.LatencyStats;
import java.time.Duration;
import java.util.Objects;

/**
 * One SENT to DELIVERED latency percentile of a {@link LatencyReport}: over all receivers, or at one.
 * Immutable.
 *
 * @param report   the latency report
 * @param receiver the receiver label, or null for all receivers
 * @param percent  the percentile, 0 to 100
 */
public record LatencyPercentile(LatencyReport report, String receiver, double percent) {

    public LatencyPercentile {
        Objects.requireNonNull(report, "report");
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile must be within 0..100, got " + percent);
        }
    }

    /** The latencies the percentile is taken over. */
    public LatencyStats stats() {
        return receiver == null ? report.deliveryOverall() : report.delivery(receiver);
    }

    /** The percentile's latency; {@link Duration#ZERO} when nothing was measured. */
    public Duration value() {
        return stats().percentile(percent);
    }

    /** "p99 over all receivers", "p50 at `w#1`" */
    public String describe() {
        String p = percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
        return "p" + p + (receiver == null ? " over all receivers" : " at `" + receiver + "`");
    }
}
