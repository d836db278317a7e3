package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.internal.DurationText;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyStatsTests {

    private static final LatencyStats FOUR = LatencyStats.of("w#1", new long[] {11, 12, 13, 14},
            new long[] {40, 10, 30, 20});

    @Test
    void percentilesAreRanksOfTheSortedLatenciesFromTheLeastToTheMost() {
        // GIVEN latencies 40, 10, 30 and 20 ns
        // WHEN percentiles are asked  THEN each is the latency at rank ceil(p% of 4), 0 being the least
        assertThat(FOUR.percentile(0)).isEqualTo(Duration.ofNanos(10));
        assertThat(FOUR.percentile(25)).isEqualTo(Duration.ofNanos(10));
        assertThat(FOUR.percentile(26)).isEqualTo(Duration.ofNanos(20));
        assertThat(FOUR.p50()).isEqualTo(Duration.ofNanos(20));
        assertThat(FOUR.p90()).isEqualTo(Duration.ofNanos(40));
        assertThat(FOUR.percentile(100)).isEqualTo(Duration.ofNanos(40));
        assertThat(FOUR.max()).isEqualTo(Duration.ofNanos(40));
        assertThat(FOUR.count()).isEqualTo(4);
        assertThat(FOUR.receiver()).isEqualTo("w#1");
    }

    @Test
    void aPercentileOutsideZeroToAHundredIsRefusedNamingIt() {
        // GIVEN stats of four latencies
        // WHEN / THEN percentiles below 0, above 100 and NaN are refused
        assertThatThrownBy(() -> FOUR.percentile(-0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("percentile must be within 0..100, got -0.5");
        assertThatThrownBy(() -> FOUR.percentile(100.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("percentile must be within 0..100, got 100.5");
        assertThatThrownBy(() -> FOUR.percentile(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("percentile must be within 0..100, got NaN");
    }

    @Test
    void onlyLatenciesPastTheDeadlineAreMissesInMessageOrder() {
        // GIVEN latencies 40, 10, 30 and 20 ns of messages 11..14
        // WHEN misses of a 20 ns deadline are asked
        // THEN 40 and 30 missed it, 20 did not
        assertThat(FOUR.deadlineMisses(Duration.ofNanos(20))).containsExactly(11L, 13L);
        assertThat(FOUR.deadlineMisses(Duration.ofNanos(40))).isEmpty();
    }

    @Test
    void statsWithoutLatenciesAreZeroAndOneMessageIsSingular() {
        // GIVEN stats of no latency over all receivers, and of one latency
        LatencyStats none = LatencyStats.of(null, new long[0], new long[0]);
        LatencyStats one = LatencyStats.of("w#2", new long[] {5}, new long[] {3_000_000});

        // WHEN they are read and printed
        // THEN the empty one is zero everywhere; each text names its receiver and count
        assertThat(none.p99()).isEqualTo(Duration.ZERO);
        assertThat(none.max()).isEqualTo(Duration.ZERO);
        String zero = DurationText.of(Duration.ZERO);
        assertThat(none).hasToString("all receivers: 0 messages, p50 " + zero + ", p90 " + zero + ", p99 " + zero
                + ", max " + zero);
        String three = DurationText.of(Duration.ofMillis(3));
        assertThat(one).hasToString("`w#2`: 1 message, p50 " + three + ", p90 " + three + ", p99 " + three
                + ", max " + three);
    }

    @Test
    void idsAndLatenciesOfDifferentLengthsAreRefused() {
        // GIVEN two ids and one latency
        // WHEN / THEN the stats are refused, naming the receiver and both counts
        assertThatThrownBy(() -> LatencyStats.of("w#1", new long[] {1, 2}, new long[] {5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latency stats of `w#1`: 2 message ids but 1 latencies");
    }

    @Test
    void theStatsKeepTheirOwnCopyOfTheLatencies() {
        // GIVEN stats made from arrays that are then changed
        long[] ids = {1, 2};
        long[] latencies = {5, 50};
        LatencyStats stats = LatencyStats.of("w#1", ids, latencies);
        latencies[1] = 1;
        ids[1] = 9;

        // WHEN they are read  THEN they still hold what they were made from
        assertThat(stats.max()).isEqualTo(Duration.ofNanos(50));
        assertThat(stats.deadlineMisses(Duration.ofNanos(10))).containsExactly(2L);
    }
}
