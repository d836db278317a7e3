package dev.courier.assertions;

import dev.courier.assertions.internal.LatencyFailureMessages;
import dev.courier.history.internal.DurationText;
import java.time.Duration;
import java.util.Objects;

/**
 * Assertions over one latency percentile. A percentile over no delivered message fails: an empty
 * history says nothing about latency. Failures list the latency stats per receiver and diagnose the
 * receivers that missed the limit (DEADLINE_MISSED).
 *
 * <p>Thread contract: used by one test thread; the percentile is immutable.
 */
public class LatencyPercentileAssert extends AbstractCourierAssert<LatencyPercentileAssert, LatencyPercentile> {

    public LatencyPercentileAssert(LatencyPercentile percentile) {
        super(percentile, LatencyPercentileAssert.class);
    }

    /** The percentile is strictly below {@code limit}. */
    public LatencyPercentileAssert isLessThan(Duration limit) {
        return check(limit, true);
    }

    /** The percentile is at most {@code limit}. */
    public LatencyPercentileAssert isLessThanOrEqualTo(Duration limit) {
        return check(limit, false);
    }

    private LatencyPercentileAssert check(Duration limit, boolean strictly) {
        DurationText.requirePositive("latency limit", limit);
        if (proceed()) {
            Duration value = actual.value();
            boolean held = actual.stats().count() > 0
                    && (strictly ? value.compareTo(limit) < 0 : value.compareTo(limit) <= 0);
            if (!held) {
                failWithText(LatencyFailureMessages.above(actual, Objects.requireNonNull(limit), strictly));
            }
        }
        return myself;
    }
}
