package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyChecksTests {

    private final History history = new History();

    @Test
    void percentilesAndMaxComeFromSentToDelivered() {
        // GIVEN ten messages delivered 1..10 ms after they were sent
        for (long id = 1; id <= 10; id++) {
            history.sent(id, id, "main", "w#1");
            history.at(id).delivered(id, id, "main", "w#1");
            history.at(1).handled(id, id, "main", "w#1");
        }

        // WHEN
        LatencyReport report = Checks.latency(history.snapshot());

        // THEN
        LatencyStats stats = report.delivery("w#1");
        assertThat(stats.count()).isEqualTo(10);
        assertThat(stats.p50()).isEqualTo(Duration.ofMillis(5));
        assertThat(stats.p90()).isEqualTo(Duration.ofMillis(9));
        assertThat(stats.p99()).isEqualTo(Duration.ofMillis(10));
        assertThat(stats.max()).isEqualTo(Duration.ofMillis(10));
        assertThat(report.handling("w#1").max()).isEqualTo(Duration.ofMillis(11));
        assertThat(report.percentile(100)).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void deadlineMissesListTheSlowMessages() {
        // GIVEN one fast and two slow messages
        history.sent(1, 1, "main", "w#1");
        history.at(1).delivered(1, 1, "main", "w#1");
        history.sent(2, 2, "main", "w#1");
        history.sent(3, 3, "main", "w#1");
        history.at(50).delivered(2, 2, "main", "w#1");
        history.delivered(3, 3, "main", "w#1");

        // WHEN
        LatencyReport report = Checks.latency(history.snapshot());

        // THEN
        assertThat(report.deadlineMisses(Duration.ofMillis(10))).containsExactly(2L, 3L);
        assertThat(report.deadlineMisses(Duration.ofMillis(100))).isEmpty();
        assertThat(report.deadlineAnomalies(Duration.ofMillis(10))).singleElement()
                .satisfies(a -> assertThat(a.explanation()).isEqualTo("2 of 3 messages to `w#1` were delivered later "
                        + "than 10 ms after they were sent (max 50 ms)"));
    }

    @Test
    void receiverWithoutDeliveriesHasEmptyStats() {
        // GIVEN nothing delivered
        history.sent(1, 1, "main", "w#1");

        // WHEN
        LatencyReport report = Checks.latency(history.snapshot());

        // THEN
        assertThat(report.delivery("w#1").count()).isZero();
        assertThat(report.delivery("w#1").p99()).isEqualTo(Duration.ZERO);
    }
}
