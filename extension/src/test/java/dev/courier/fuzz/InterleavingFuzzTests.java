package dev.courier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.courier.fuzz.fixtures.InterleavingFixture;
import dev.courier.testkit.OnlyThroughTestKit;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class InterleavingFuzzTests {

    @TempDir
    Path failures;

    private EngineExecutionResults run(String method, long seed) {
        InterleavingFixture.RUNS.set(0);
        InterleavingFixture.SEEN.clear();
        Map<String, String> parameters = new HashMap<>(Map.of(OnlyThroughTestKit.KEY, "true",
                FuzzConfig.FAILURES_DIR, failures.resolve(method + "-" + seed + "-" + System.nanoTime()).toString(),
                FuzzConfig.SEED, String.valueOf(seed)));
        return EngineTestKit.engine("junit-jupiter").configurationParameters(parameters)
                .selectors(selectMethod(InterleavingFixture.class, Arrays.stream(InterleavingFixture.class
                        .getDeclaredMethods()).filter(m -> m.getName().equals(method)).findFirst().orElseThrow()))
                .execute();
    }

    private static void assertPassed(EngineExecutionResults results) {
        assertThat(results.testEvents().failed().stream().map(event -> event.getRequiredPayload(
                TestExecutionResult.class).getThrowable().map(String::valueOf).orElse("?")).toList()).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    private static FuzzFailure failureOf(EngineExecutionResults results) {
        Throwable thrown = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(thrown).isInstanceOf(FuzzFailure.class);
        return (FuzzFailure) thrown;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234, -7})
    void propertyAssumingGlobalOrderAcrossSendersIsFoundAndShrunkToTwoMessagesAndOneSwap(long seed) {
        // GIVEN a property over two user workers that wrongly expects their results in one global order
        // WHEN it runs with this seed
        EngineExecutionResults results = run("resultsArriveRoundByRound", seed);

        // THEN it fails within 200 tries, shrunk to one result per worker and one swap, printed as steps
        FuzzFailure failure = failureOf(results);
        assertThat(failure.tries()).isLessThanOrEqualTo(200);
        assertThat(failure.minimalCounterexample()).isEqualTo("#0 (int) = 1");
        assertThat(failure.getMessage()).contains("Minimal interleaving: " + GLOBAL_ORDER_STEPS);
    }

    static final String GLOBAL_ORDER_STEPS = """
            10 steps, 1 swap of round-robin order, 0 late timers
                step 1: `b#2` sent message 1 to main before `a#1` sent message 1 to main (its turn; step 3)
                step 3: `a#1` sent message 1 to main
                step 4: `b#2` exited
                step 5: main received `b#2`'s message 1
                step 7: `a#1` exited
                step 9: main received `a#1`'s message 1
            """;

    @ParameterizedTest
    @CsvSource({
        "eachWorkersResultsArriveInItsOwnOrder, 99, 10000",  // the correct per-sender property
        "everyJobIsHandledByTheEarlyListener, 8, 200",       // the transcoder that listens first
        "scheduleIntoTheUsersWorkerLosesNothing, 11, 100"    // send schedules played into the user's echo worker
    })
    void correctPropertiesHoldOnEveryTryTeardownIncluded(String property, long seed, int tries) {
        // GIVEN a correct property over the user's workers under per-try simulations
        // WHEN it runs
        EngineExecutionResults results = run(property, seed);

        // THEN it passed every one of its tries
        assertPassed(results);
        assertThat(InterleavingFixture.RUNS.get()).isEqualTo(tries);
    }

    @Test
    void sameSeedGivesTheSameMinimalCounterexampleEveryRun() {
        // GIVEN the wrong global-order property and one seed
        // WHEN it runs three times
        String first = withoutFiles(failureOf(run("resultsArriveRoundByRound", 5)).getMessage());
        String second = withoutFiles(failureOf(run("resultsArriveRoundByRound", 5)).getMessage());
        String third = withoutFiles(failureOf(run("resultsArriveRoundByRound", 5)).getMessage());

        // THEN the reports are identical, interleaving included
        assertThat(second).isEqualTo(first).contains("Minimal interleaving:");
        assertThat(third).isEqualTo(first);
    }

    private String withoutFiles(String message) {
        return message.replaceAll("(?m)^Failure saved to .*$", "");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void lateListenerInAUserScriptIsFoundAndShrunkToOneMessageAndOneDelayedRegistration(long seed) {
        // GIVEN a transcoder script that registers its listener after an asynchronous step, on a dropping port
        // WHEN the property "every job is handled" runs
        FuzzFailure failure = failureOf(run("everyJobIsHandledByTheLateListener", seed));

        // THEN it is shrunk to one job and one late timer (the delayed registration), printed as steps
        assertThat(failure.minimalCounterexample()).isEqualTo("#0 (int) = 1");
        assertThat(failure.getMessage()).contains("Minimal interleaving: " + LATE_LISTENER_STEPS);
    }

    static final String LATE_LISTENER_STEPS = """
            3 steps, 0 swaps of round-robin order, 1 late timer
                step 1: `transcoder#1` ran its script; a timer it set fires 1 ms late
                after step 2, the test: main sent message 1 to `transcoder#1`
                step 3: main's message 1 to `transcoder#1` was dropped (NO_LISTENER)
            """;

    @Test
    void leakedWorkerFailsTheTryWithTheLeakNamed() {
        // GIVEN a property that starts a worker outside Workers and never closes it
        // WHEN it runs
        FuzzFailure failure = failureOf(run("leaksAWorker", 3));

        // THEN its first try fails at the try's teardown, naming the leaked worker
        assertThat(failure.tries()).isEqualTo(1);
        assertThat(failure.getCause()).hasMessageContaining("Courier teardown of try of leaksAWorker found 1 problem:")
                .hasMessageContaining("worker `leaky#1` was started but never closed or terminated");
    }

    @Test
    void eachTryGetsItsOwnLogAndSimulation() {
        // GIVEN a property recording the log and simulation of each try
        // WHEN it runs 5 tries
        assertPassed(run("recordsItsResources", 4));

        // THEN they are 10 distinct objects
        assertThat(InterleavingFixture.SEEN).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void eachTryGetsItsOwnManualClockWithWorkersOnIt() {
        // GIVEN a property declaring a ManualClock, Workers and a Probe
        // WHEN it runs 3 tries
        assertPassed(run("recordsItsManualClock", 4));

        // THEN each try had a clock of its own
        assertThat(InterleavingFixture.SEEN).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void sharedResourcesAreOneSetForAllTriesWhenAskedFor() {
        // GIVEN the same property with resources = SHARED
        // WHEN it runs 5 tries
        assertPassed(run("recordsSharedResources", 4));

        // THEN every try got the same log and simulation
        assertThat(InterleavingFixture.SEEN).hasSize(10).containsOnly(InterleavingFixture.SEEN.get(0),
                InterleavingFixture.SEEN.get(1));
    }
}
