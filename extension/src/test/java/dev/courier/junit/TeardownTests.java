package dev.courier.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.junit.fixtures.TeardownFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@ExtendWith(TimeoutFactorSetAside.class)
class TeardownTests {

    @Test
    void aWorkerThreadThatOutlivesTheTestFailsItNamingTheThread() throws InterruptedException {
        // GIVEN a worker that ignores interrupts while it waits for a latch
        TeardownFixture.release = new CountDownLatch(1);
        try {
            // WHEN its test ends
            EngineExecutionResults results = FixtureRuns.run(TeardownFixture.class, "leaksAWorkerThread");

            // THEN teardown reports that close() could not stop it and that its thread is still alive
            assertThat(FixtureRuns.failureOf(results)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Courier teardown of leaksAWorkerThread(Workers) found 2 problems:")
                    .hasMessageMatching("(?s).*1\\. worker `stubborn#\\d+` could not be closed: worker stubborn#\\d+ "
                            + "is stuck.*")
                    .hasMessageMatching("(?s).*2\\. worker thread courier-worker-stubborn-\\d+ is still alive 300 ms "
                            + "after the test ended \\((WAITING|TIMED_WAITING)\\).*")
                    .hasMessageContaining("awaitIgnoringInterrupts");
        } finally {
            // AND once released, the thread ends (nothing leaks past this test)
            TeardownFixture.release.countDown();
            for (Thread thread : stubbornThreads()) {
                thread.join(5_000);
                assertThat(thread.isAlive()).as(thread.getName()).isFalse();
            }
        }
    }

    @Test
    void aWorkerErrorFailsTheTestNamingTheWorkerAndTheEvent() {
        // GIVEN a worker whose message listener throws
        // WHEN its test ends (the test itself passed)
        EngineExecutionResults results = FixtureRuns.run(TeardownFixture.class, "listenerThrows");

        // THEN strict teardown fails it with the anomaly's explanation and fix, the error attached
        Throwable failure = FixtureRuns.failureOf(results);
        assertThat(failure).hasMessageContaining("found 1 problem:")
                .hasMessageMatching("(?s).*1\\. WORKER_ERROR at `thrower#\\d+`: worker `thrower#\\d+` had an uncaught "
                        + "java.lang.IllegalStateException: boom on order-1 thrown in its message listener\\. Fix: handle "
                        + "the exception where it is thrown.*")
                .hasMessageContaining("@ExpectDeliveryFaults");
        assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).containsExactly("boom on order-1");
    }

    @Test
    void expectDeliveryFaultsLetsTheSameTestPass() {
        // GIVEN the same crashing worker, in tests that declare all faults or WORKER_ERROR expected
        // WHEN they run
        EngineExecutionResults all = FixtureRuns.run(TeardownFixture.class, "listenerThrowsAsExpected");
        EngineExecutionResults byKind = FixtureRuns.run(TeardownFixture.class, "listenerThrowsAsExpectedByKind");

        // THEN both pass
        assertThat(all.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(byKind.testEvents().succeeded().count()).isEqualTo(1);
    }

    @Test
    void expectingAnotherKindStillFailsForTheUnexpectedOne() {
        // GIVEN a test expecting only CLONE_FAILURE whose worker crashes
        EngineExecutionResults results = FixtureRuns.run(TeardownFixture.class,
                "listenerThrowsButAnotherKindIsExpected");

        // THEN the worker error still fails it
        assertThat(FixtureRuns.failureOf(results)).hasMessageContaining("WORKER_ERROR at `thrower#");
    }

    @Test
    void aTestThatFailedKeepsItsOwnFailureWithTeardownProblemsSuppressed() {
        // GIVEN a test that fails by itself and also leaves a worker error behind
        EngineExecutionResults results = FixtureRuns.run(TeardownFixture.class, "failsItselfAndListenerThrows");

        // THEN its own failure is reported, and the teardown's is attached as suppressed
        Throwable failure = FixtureRuns.failureOf(results);
        assertThat(failure).hasMessageStartingWith("the test's own failure\nCourier report: ")
                .hasCauseInstanceOf(AssertionError.class).cause().hasMessage("the test's own failure");
        assertThat(failure.getSuppressed()).singleElement().satisfies(teardown -> assertThat(teardown)
                .hasMessageContaining("Courier teardown of failsItselfAndListenerThrows(Workers, DeliveryLog)")
                .hasMessageContaining("WORKER_ERROR at `thrower#"));
    }

    @Test
    void aOneLineDeliverySummaryIsPublishedAndWrittenToTheReportDirectory(@TempDir Path dir) throws Exception {
        // GIVEN a test sending three messages to a worker, with a report directory configured
        EngineExecutionResults results = FixtureRuns.run(TeardownFixture.class, "sendsThreeMessages",
                Map.of(CourierConfig.REPORT_DIR, dir.toString()));

        // THEN the summary is a report entry
        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        List<String> entries = FixtureRuns.reported(results, "courier.delivery");
        assertThat(entries).singleElement().asString()
                .matches("sent 3, delivered 3, lost 0, duplicated 0, p99 \\d+\\.\\d ms");
        // AND a summary file in the directory
        try (Stream<Path> files = Files.list(dir)) {
            Path file = files.findFirst().orElseThrow();
            assertThat(file.getFileName().toString()).startsWith(TeardownFixture.class.getName() + ".sendsThreeMessages-");
            assertThat(Files.readString(file)).contains("summary: " + entries.get(0)).contains("teardown problems: 0");
        }
    }

    private static List<Thread> stubbornThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("courier-worker-stubborn-")).toList();
    }
}
