package dev.courier.history;

import dev.courier.history.internal.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Latencies of the messages of one receiver (or of all receivers, with a null receiver): SENT to
 * DELIVERED or SENT to HANDLED, depending on the report list it comes from. Percentiles use the
 * nearest-rank method. Immutable.
 */
public final class LatencyStats {

    private final String receiver;
    private final long[] messageIds;
    private final long[] latencies;
    private final long[] sorted;

    private LatencyStats(String receiver, long[] messageIds, long[] latencies) {
        if (messageIds.length != latencies.length) {
            throw new IllegalArgumentException("latency stats of `" + receiver + "`: " + messageIds.length
                    + " message ids but " + latencies.length + " latencies");
        }
        this.receiver = receiver;
        this.messageIds = messageIds.clone();
        this.latencies = latencies.clone();
        this.sorted = latencies.clone();
        Arrays.sort(sorted);
    }

    /** Stats over parallel arrays: the latency in nanoseconds of each message id. The arrays are copied. */
    public static LatencyStats of(String receiver, long[] messageIds, long[] latencyNanos) {
        return new LatencyStats(receiver, messageIds, latencyNanos);
    }

    /** The receiver label, or null for the totals over all receivers. */
    public String receiver() {
        return receiver;
    }

    /** How many messages were measured. */
    public int count() {
        return sorted.length;
    }

    /**
     * The latency below or at which {@code percent} percent of the messages fall (nearest rank);
     * {@link Duration#ZERO} when nothing was measured.
     */
    public Duration percentile(double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile must be within 0..100, got " + percent);
        }
        if (sorted.length == 0) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return Duration.ofNanos(sorted[Math.max(0, rank - 1)]);
    }

    public Duration p50() {
        return percentile(50);
    }

    public Duration p90() {
        return percentile(90);
    }

    public Duration p99() {
        return percentile(99);
    }

    public Duration max() {
        return sorted.length == 0 ? Duration.ZERO : Duration.ofNanos(sorted[sorted.length - 1]);
    }

    /** The ids of the messages slower than {@code deadline}, in log order. */
    public List<Long> deadlineMisses(Duration deadline) {
        long limit = deadline.toNanos();
        List<Long> misses = new ArrayList<>();
        for (int i = 0; i < latencies.length; i++) {
            if (latencies[i] > limit) {
                misses.add(messageIds[i]);
            }
        }
        return misses;
    }

    /** "`worker#3`: 100 messages, p50 2 ms, p90 5 ms, p99 9 ms, max 12 ms" */
    @Override
    public String toString() {
        return (receiver == null ? "all receivers" : "`" + receiver + "`") + ": " + count()
                + (count() == 1 ? " message" : " messages") + ", p50 " + DurationText.of(p50()) + ", p90 "
                + DurationText.of(p90()) + ", p99 " + DurationText.of(p99()) + ", max " + DurationText.of(max());
    }
}
