package dev.courier.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.courier.junit.fixtures.ReportFixture;
import dev.courier.testkit.OnlyThroughTestKit;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.OutputDirectoryProvider;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

class FailureReportTests {

    @TempDir
    Path dir;

    @Test
    void aFailingCourierTestGetsAnHtmlReportWhosePathEndsItsFailureMessage() throws IOException {
        // GIVEN a Courier test that loses a message and asserts it lost none
        // WHEN it runs with a report directory configured
        EngineExecutionResults results = run("echoesThreeOrdersAndLosesOneToAWorkerWithoutListener", Map.of());
        // THEN it fails with Courier's own message, whose last line is the report's path
        Throwable failure = FixtureRuns.failureOf(results);
        Path html = dir.resolve("reports").resolve(ReportFixture.class.getSimpleName()
                + ".echoesThreeOrdersAndLosesOneToAWorkerWithoutListener.html").toAbsolutePath();
        assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining("NO_LISTENER")
                .hasMessageEndingWith("\nCourier report: " + html);
        assertThat(failure.getCause()).isInstanceOf(AssertionError.class)
                .hasMessage(failure.getMessage().substring(0, failure.getMessage().lastIndexOf('\n')));
        assertThat(failure.getStackTrace()).isEqualTo(failure.getCause().getStackTrace());
        // AND the page and the JSON Lines export are there, the page showing the failure it explains
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("ReportFixture.echoesThreeOrders")
                .contains("\"kind\":\"LATE_LISTENER\"");
        assertThat(Files.readAllLines(dir.resolve("reports").resolve(ReportFixture.class.getSimpleName()
                + ".echoesThreeOrdersAndLosesOneToAWorkerWithoutListener.jsonl"))).isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("{\"index\":").endsWith("}"));
        // AND it is published as the test's file entry and in report entries
        List<FileEntry> files = results.allEvents().fileEntryPublished().stream()
                .map(event -> event.getRequiredPayload(FileEntry.class)).toList();
        assertThat(files).singleElement().satisfies(entry -> {
            assertThat(entry.getPath().getFileName()).hasToString(html.getFileName().toString());
            assertThat(entry.getMediaType()).contains("text/html");
            assertThat(Files.mismatch(entry.getPath(), html)).isEqualTo(-1L);
        });
        assertThat(FixtureRuns.reported(results, "courier.report")).containsExactly(html.toString());
        assertThat(FixtureRuns.reported(results, "courier.report.said")).singleElement().asString()
                .isEqualTo(failure.getCause().getMessage().strip().lines().findFirst().orElseThrow());
    }

    @Test
    void anAssertionFailedErrorKeepsItsTypeAndItsExpectedAndActualValues() {
        // GIVEN a Courier test whose AssertJ comparison fails
        // WHEN it runs
        Throwable failure = FixtureRuns.failureOf(run("comparesValues", Map.of()));
        // THEN the rethrown failure is still an AssertionFailedError with both values, and ends with the path
        assertThat(failure).isExactlyInstanceOf(AssertionFailedError.class)
                .hasMessageMatching("(?s).*expected: 1.*but was: 0.*\nCourier report: .*comparesValues\\.html");
        AssertionFailedError failed = (AssertionFailedError) failure;
        assertThat(failure.getCause()).isExactlyInstanceOf(AssertionFailedError.class);
        AssertionFailedError original = (AssertionFailedError) failure.getCause();
        assertThat(failed.getExpected().getValue()).isEqualTo(original.getExpected().getValue()).hasToString("1");
        assertThat(failed.getActual().getValue()).isEqualTo(original.getActual().getValue()).hasToString("0");
    }

    @Test
    void aFailureTypeThatCannotBeRebuiltBecomesAnAssertionErrorCausedByIt() {
        // GIVEN a Courier test throwing an exception type without a (String, Throwable) constructor
        // WHEN it runs
        Throwable failure = FixtureRuns.failureOf(run("throwsAnOddFailure", Map.of()));
        // THEN an AssertionError carries its message and the path, with the original as cause
        assertThat(failure).isExactlyInstanceOf(AssertionError.class)
                .hasMessageStartingWith("odd failure 7\nCourier report: ")
                .hasMessageEndingWith("throwsAnOddFailure.html")
                .hasCauseExactlyInstanceOf(ReportFixture.OddFailure.class);
    }

    @Test
    void reportsTurnedOffLeaveTheFailureAsItWasAndWriteNothing() {
        // GIVEN the losing test with reports off
        // WHEN it runs
        EngineExecutionResults results = run("echoesThreeOrdersAndLosesOneToAWorkerWithoutListener",
                Map.of(CourierConfig.REPORT_HTML, "off"));
        // THEN its failure is Courier's assertion itself and no report was written or published
        Throwable failure = FixtureRuns.failureOf(results);
        assertThat(failure).hasMessageContaining("NO_LISTENER").hasMessageNotContaining("Courier report:").hasNoCause();
        assertThat(dir.resolve("reports")).doesNotExist();
        assertThat(results.allEvents().fileEntryPublished().count()).isZero();
    }

    @Test
    void underModeAnomaliesAPassingTestWithALostMessageGetsAReportToo() {
        // GIVEN a passing test whose history lost a message, and one whose history is clean
        // WHEN they run under mode anomalies
        EngineExecutionResults losing = run("losesOneButPasses", Map.of(CourierConfig.REPORT_HTML, "anomalies"));
        EngineExecutionResults clean = run("passesCleanly", Map.of(CourierConfig.REPORT_HTML, "anomalies"));
        // THEN the first passes and names its report and what Courier said; the clean one gets none
        assertThat(losing.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(FixtureRuns.reported(losing, "courier.report")).singleElement().asString()
                .endsWith(ReportFixture.class.getSimpleName() + ".losesOneButPasses.html");
        assertThat(FixtureRuns.reported(losing, "courier.report.said")).singleElement().asString()
                .startsWith("LATE_LISTENER at `deaf#");
        assertThat(clean.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(FixtureRuns.reported(clean, "courier.report")).isEmpty();
    }

    @Test
    void anUnknownModeIsNamedAndTheTestKeepsItsOwnFailure() {
        // GIVEN a misspelt mode
        // WHEN a failing test runs
        Throwable failure = FixtureRuns.failureOf(run("throwsAnOddFailure",
                Map.of(CourierConfig.REPORT_HTML, "always")));
        // THEN its own failure stands, with the configuration error attached
        assertThat(failure).isExactlyInstanceOf(ReportFixture.OddFailure.class);
        assertThat(failure.getSuppressed()).singleElement().asString().contains("courier.report.html must be failed, "
                + "anomalies or off, got 'always'");
    }

    @SuppressWarnings("deprecation") // OutputDirectoryCreator is missing from the JUnit 5.14 line
    private EngineExecutionResults run(String method, Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put(OnlyThroughTestKit.KEY, "true");
        all.put(CourierConfig.REPORT_HTML_DIR, dir.resolve("reports").toString());
        Path outputs = dir.resolve("outputs");
        OutputDirectoryProvider provider = new OutputDirectoryProvider() {
            @Override
            public Path getRootDirectory() {
                return outputs;
            }

            @Override
            public Path createOutputDirectory(TestDescriptor descriptor) throws IOException {
                return Files.createDirectories(outputs.resolve(descriptor.getUniqueId().getLastSegment().getValue()
                        .replaceAll("[^A-Za-z0-9]", "_")));
            }
        };
        Method found = Arrays.stream(ReportFixture.class.getDeclaredMethods())
                .filter(candidate -> candidate.getName().equals(method)).findFirst().orElseThrow();
        return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(ReportFixture.class, found))
                .configurationParameters(all).outputDirectoryProvider(provider).execute();
    }
}
