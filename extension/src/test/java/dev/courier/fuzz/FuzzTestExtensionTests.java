package dev.courier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.courier.fuzz.fixtures.FailingPropertyFixture;
import dev.courier.fuzz.fixtures.MisconfiguredPropertyFixture;
import dev.courier.fuzz.fixtures.PassingPropertyFixture;
import dev.courier.testkit.OnlyThroughTestKit;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class FuzzTestExtensionTests {

    @TempDir
    Path failures;

    @BeforeEach
    void resetFixtures() {
        PassingPropertyFixture.RUNS.clear();
        FailingPropertyFixture.RUNS.set(0);
        FailingPropertyFixture.fixed = false;
    }

    private EngineExecutionResults run(Class<?> fixture, String... config) {
        Map<String, String> parameters = new HashMap<>(Map.of(OnlyThroughTestKit.KEY, "true",
                FuzzConfig.FAILURES_DIR, failures.toString()));
        for (int i = 0; i < config.length; i += 2) {
            parameters.put(config[i], config[i + 1]);
        }
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture))
                .configurationParameters(parameters).execute();
    }

    private static Throwable failureOf(EngineExecutionResults results) {
        return results.testEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    private static List<String> reported(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(pairs -> pairs.containsKey(key)).map(pairs -> pairs.get(key)).toList();
    }

    @Test
    void passingPropertyRunsTheDeclaredTriesWithInjectedParametersAlongside() {
        // GIVEN a property declaring 25 tries, with a TestInfo parameter between two generated ones
        // WHEN it runs
        EngineExecutionResults results = run(PassingPropertyFixture.class);

        // THEN it is one passing test that ran 25 tries, each with TestInfo injected, and reported its seed
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(PassingPropertyFixture.RUNS).hasSize(25).allMatch(run -> run.endsWith(" holds"))
                .anyMatch(run -> run.contains("true")).anyMatch(run -> run.contains("false"));
        assertThat(reported(results, "courier.fuzz.seed")).hasSize(1).allMatch(seed -> seed.matches("-?\\d+"));
        assertThat(reported(results, "courier.fuzz.result")).singleElement().asString()
                .startsWith("passed 25 tries with seed ");
    }

    @Test
    void configuredTriesOverrideTheDeclaredTries() {
        // GIVEN courier.fuzz.tries = 60
        // WHEN the 25-try property runs
        run(PassingPropertyFixture.class, FuzzConfig.TRIES, "60");

        // THEN it ran 60 tries
        assertThat(PassingPropertyFixture.RUNS).hasSize(60);
    }

    @Test
    void failingPropertyFailsWithTheShrunkCounterexampleAndReplayLine() {
        // GIVEN a property failing on elements >= 100, seed 77
        // WHEN it runs
        EngineExecutionResults results = run(FailingPropertyFixture.class);

        // THEN the test fails with a FuzzFailure naming the minimal case, seed and replay annotation
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(failureOf(results)).isInstanceOf(FuzzFailure.class).message()
                .contains("with seed 77")
                .contains("Minimal counterexample:\n    #0 (List) = [100]\n")
                .contains("Replay: -Dcourier.fuzz.seed=77 or @FuzzTest(seed = 77)")
                .contains("Failure saved to " + failures.resolve(
                        "dev.courier.fuzz.fixtures.FailingPropertyFixture#noLargeElements(List).txt"));
        assertThat(reported(results, "courier.fuzz.seed")).containsExactly("77");
    }

    @Test
    void savedFailureIsReplayedFirstOnTheNextRunAndDeletedOnceFixed() {
        // GIVEN a property that failed once and saved its minimal case
        run(FailingPropertyFixture.class);
        Path saved = failures.resolve("dev.courier.fuzz.fixtures.FailingPropertyFixture#noLargeElements(List).txt");
        assertThat(saved).exists();
        FailingPropertyFixture.RUNS.set(0);

        // WHEN it runs again under another configured seed
        EngineExecutionResults again = run(FailingPropertyFixture.class, FuzzConfig.SEED, "5");

        // THEN the saved case failed first: no random try ran, the report names the saved file and its seed
        assertThat(failureOf(again).getMessage())
                .startsWith("Property failed on its saved failure " + saved + " (seed 77)");
        assertThat(((FuzzFailure) failureOf(again)).tries()).isZero();

        // WHEN the property is fixed
        FailingPropertyFixture.fixed = true;
        EngineExecutionResults fixedRun = run(FailingPropertyFixture.class);

        // THEN the replayed case passes, its file is deleted and the tries run
        fixedRun.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(saved).doesNotExist();
        assertThat(reported(fixedRun, "courier.fuzz.note")).containsExactly(
                "saved failure " + saved + " passes now; deleted");
    }

    @Test
    void timeBudgetStopsGeneratingAndReportsTheTriesDone() {
        // GIVEN a one-nanosecond time budget
        // WHEN a 25-try property runs
        EngineExecutionResults results = run(PassingPropertyFixture.class, FuzzConfig.TIME_BUDGET, "PT0.000000001S");

        // THEN it stops early, says so, and passes
        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(reported(results, "courier.fuzz.note")).singleElement().asString()
                .matches("time budget PT0\\.000000001S used up after \\d+ of 25 tries");
        assertThat(PassingPropertyFixture.RUNS).hasSizeLessThan(25);
    }

    @Test
    void badConfigurationAndMissingGeneratorsFailWithClearMessages() {
        // GIVEN an invalid tries value, and a property naming a missing generator method
        // WHEN they run
        EngineExecutionResults badTries = run(PassingPropertyFixture.class, FuzzConfig.TRIES, "many");
        EngineExecutionResults missing = run(MisconfiguredPropertyFixture.class);

        // THEN the failures say what is wrong and where
        assertThat(failureOf(badTries)).hasMessage("courier.fuzz.tries must be a positive integer, got 'many'");
        assertThat(failureOf(missing)).hasMessage("@ForAll(\"noSuchMethod\") on parameter #0 (String) of "
                + "MisconfiguredPropertyFixture.missingGenerator(): no method noSuchMethod() in "
                + MisconfiguredPropertyFixture.class.getName() + " or its superclasses");
    }
}
