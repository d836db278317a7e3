package dev.courier.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.junit.fixtures.ParallelFixture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ParallelIsolationTests {

    @Test
    void parallelTestsEachSeeOnlyTheirOwnHistory() {
        // GIVEN twenty tests each sending a distinct number of messages, run concurrently
        ParallelFixture.SEEN.clear();
        ParallelFixture.overlap = new CountDownLatch(2);

        // WHEN they run in parallel
        EngineExecutionResults results = FixtureRuns.run(ParallelFixture.class, Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"));

        // THEN all pass, each log held exactly its own test's messages
        assertThat(results.testEvents().failed().list()).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(20);
        Map<Integer, Integer> expected = new HashMap<>();
        IntStream.rangeClosed(1, 20).forEach(n -> expected.put(n, n));
        assertThat(ParallelFixture.SEEN).isEqualTo(expected);
        // AND each published summary counts its own messages only
        List<String> summaries = FixtureRuns.reported(results, "courier.delivery");
        assertThat(summaries.stream().map(s -> s.substring(0, s.indexOf(", p99"))))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20)
                        .mapToObj(n -> "sent " + n + ", delivered " + n + ", lost 0, duplicated 0").toList());
    }
}
