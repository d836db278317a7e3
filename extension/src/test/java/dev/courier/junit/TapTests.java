package dev.courier.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.junit.fixtures.TapFixture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@ExtendWith(TimeoutFactorSetAside.class)
class TapTests {

    @Test
    void aQueueTappedThroughWorkersRecordsIntoTheTestsLog() {
        // GIVEN / WHEN a test that puts and takes two messages through a queue tapped via Workers
        EngineExecutionResults results = FixtureRuns.run(TapFixture.class, "tappedQueueRecordsIntoTheTestLog");

        // THEN it passes (its own assertions read the injected log) and its summary counts the two messages
        assertThat(FixtureRuns.failures(results)).isEmpty();
        assertThat(FixtureRuns.reported(results, "courier.delivery")).singleElement().asString()
                .startsWith("sent 2, delivered 2, lost 0, duplicated 0");
    }

    @Test
    void aTappedExecutorThatFinishesIsShutDownWithoutComplaint() {
        // GIVEN / WHEN a test that leaves a tapped executor running with quick tasks
        EngineExecutionResults results = FixtureRuns.run(TapFixture.class, "tappedExecutorThatFinishesIsShutDownQuietly");

        // THEN teardown shuts it down, its tasks finish, and the test passes with both delivered
        assertThat(FixtureRuns.failures(results)).isEmpty();
        assertThat(FixtureRuns.reported(results, "courier.delivery")).singleElement().asString()
                .startsWith("sent 2, delivered 2, lost 0");
    }

    @Test
    void aTappedExecutorStillBusyAtTeardownFailsTheTestAndLosesItsQueuedTask() {
        // GIVEN an executor whose only thread is held past the test's 300 ms timeout, with one task queued
        TapFixture.release = new CountDownLatch(1);
        try {
            // WHEN its test ends
            EngineExecutionResults results = FixtureRuns.run(TapFixture.class, "tappedExecutorLeftBusyFailsTheTest");

            // THEN teardown names the executor, and the never-started task is counted as lost
            assertThat(FixtureRuns.failureOf(results)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("executor `executor:busy` did not finish its tasks within 300 ms of teardown");
            assertThat(FixtureRuns.reported(results, "courier.delivery")).singleElement().asString()
                    .contains("lost 1");
        } finally {
            TapFixture.release.countDown();
        }
    }
}
