package dev.courier.assertions.internal;

import dev.courier.assertions.LatencyPercentile;
import dev.courier.history.Anomaly;
import dev.courier.history.LatencyReport;
import dev.courier.history.internal.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The failure texts of the latency assertions. Stateless. */
public final class LatencyFailureMessages {

    private LatencyFailureMessages() {
    }

    /** The percentile was not below (or at most) the limit, or nothing was measured. */
    public static String above(LatencyPercentile percentile, Duration limit, boolean strictly) {
        String expecting = "Expecting the " + percentile.describe() + " SENT to DELIVERED latency to be "
                + (strictly ? "less than " : "at most ") + DurationText.of(limit);
        if (percentile.stats().count() == 0) {
            return expecting + " but no message was delivered" + (percentile.receiver() == null ? "" : " there");
        }
        LatencyReport report = percentile.report();
        List<String> lines = new ArrayList<>();
        lines.add(report.deliveryOverall().toString());
        report.delivery().forEach(stats -> lines.add(stats.toString()));
        List<Anomaly> misses = report.deadlineAnomalies(limit).stream()
                .filter(anomaly -> percentile.receiver() == null
                        || Objects.equals(anomaly.endpoint(), percentile.receiver())).toList();
        return FailureText.of(expecting + " but it was " + DurationText.of(percentile.value()) + ":").items(lines)
                .diagnosis(misses).toString();
    }
}
