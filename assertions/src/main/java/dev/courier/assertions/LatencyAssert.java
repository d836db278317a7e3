package dev.courier.assertions;

import dev.courier.assertions.internal.Verdict;
import dev.courier.history.LatencyReport;
import java.util.Objects;

/**
 * Assertions over a {@link LatencyReport} (SENT to DELIVERED latencies). Obtained from
 * {@link AbstractHistoryAssert#latency()}; latency is judged only against a limit the test gives.
 *
 * <p>Thread contract: used by one test thread; the report is immutable.
 */
public class LatencyAssert extends AbstractCourierAssert<LatencyAssert, LatencyReport> {

    public LatencyAssert(LatencyReport report) {
        super(report, LatencyAssert.class);
    }

    /** The {@code percent} percentile over all receivers, e.g. {@code percentile(99).isLessThan(...)}. */
    public LatencyPercentileAssert percentile(double percent) {
        return navigate(LatencyPercentileAssert.class, LatencyPercentile.class, LatencyPercentileAssert::new,
                () -> Verdict.holds(new LatencyPercentile(actual, null, percent)));
    }

    /** The {@code percent} percentile of the messages delivered to {@code receiver}. */
    public LatencyPercentileAssert percentileAt(String receiver, double percent) {
        Objects.requireNonNull(receiver, "receiver");
        return navigate(LatencyPercentileAssert.class, LatencyPercentile.class, LatencyPercentileAssert::new,
                () -> Verdict.holds(new LatencyPercentile(actual, receiver, percent)));
    }
}
