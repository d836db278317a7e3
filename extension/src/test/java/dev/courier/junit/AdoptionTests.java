package dev.courier.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.junit.fixtures.AdoptionFixture;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class AdoptionTests {

    @Test
    void workersTheCodeUnderTestStartsJoinEachParallelTestsOwnLog() {
        // GIVEN production code that starts its own worker, used by six parallel tests and one nested test
        AdoptionFixture.SEEN.clear();
        AdoptionFixture.overlap = new CountDownLatch(2);

        // WHEN they run concurrently
        EngineExecutionResults results = FixtureRuns.run(AdoptionFixture.class, Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"));

        // THEN all pass and each test's log held its own worker's messages, and only those
        assertThat(results.testEvents().failed().list()).as("%s", FixtureRuns.failures(results)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(7);
        assertThat(AdoptionFixture.SEEN).hasSize(7);
        AdoptionFixture.SEEN.forEach((number, seen) ->
                assertThat(seen).matches("transcoder" + number + "#\\d+ " + number + " of " + number));
    }

    @Test
    void aWorkerTheCodeUnderTestNeverClosedIsClosedAtTeardownAndReportedAsSuch() {
        // GIVEN a test whose production code starts a worker and never closes it
        // WHEN it runs
        EngineExecutionResults results = FixtureRuns.run(AdoptionFixture.LeftRunning.class, Map.of());

        // THEN teardown closes it and fails the test with the truth about it
        assertThat(results.testEvents().failed().count()).isEqualTo(1);
        assertThat(FixtureRuns.failureOf(results).getMessage())
                .containsPattern("worker `forgotten#\\d+` was started by the code under test and never closed; "
                        + "teardown closed it")
                .doesNotContain("ignored close()'s interrupt");
    }
}
