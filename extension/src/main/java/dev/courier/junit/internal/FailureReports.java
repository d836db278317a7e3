package dev.courier.junit.internal;

import dev.courier.history.Checks;
import dev.courier.history.Diagnosis;
import dev.courier.history.HistorySnapshot;
import dev.courier.junit.CourierConfig;
import dev.courier.report.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.JUnitException;
import org.opentest4j.TestAbortedException;

/**
 * Writes a test's HTML report (and the history as JSON Lines) under {@link CourierConfig#REPORT_HTML_DIR}, publishes
 * it as a file entry and as report entries {@value #PATH_ENTRY}, {@value #SAID_ENTRY} and {@value #BUG_ENTRY}, and
 * appends its path to the test's failure. One report per test: the first failure writes it, later ones only point to it.
 *
 * <p>Thread contract: stateless; each call works on one test's context, from the thread running that test.
 */
public final class FailureReports {

    /** Report entry key: the absolute path of the test's HTML report. */
    public static final String PATH_ENTRY = "courier.report";
    /** Report entry key: the first line of what Courier said (the failure, or the first failing anomaly). */
    public static final String SAID_ENTRY = "courier.report.said";

    /** Report entry key: the failing anomaly kinds of the diagnosis, comma separated (absent when it is clean). */
    public static final String BUG_ENTRY = "courier.report.bug";
    /** Report entry key, published only when the launcher refuses file entries: why the file was not attached. */
    public static final String FILE_ENTRY = "courier.report.file";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FailureReports.class);

    private FailureReports() {
    }

    /**
     * The failure to rethrow for {@code thrown}: with a report written, a copy whose message ends with the report's
     * path (see {@link ReportedFailure}); otherwise {@code thrown} itself. An {@link AssertionError} gives an
     * {@code AssertionError}. Aborted tests and tests without a Courier run get no report.
     */
    public static Throwable onFailure(ExtensionContext context, Throwable thrown) {
        if (thrown instanceof TestAbortedException || thrown instanceof VirtualMachineError) {
            return thrown;
        }
        Optional<TestRun> run = Runs.find(context);
        if (run.isEmpty()) {
            return thrown;
        }
        Path report;
        try {
            if (mode(context).equals("off")) {
                return thrown;
            }
            report = report(context, run.get(), thrown.getMessage() == null ? thrown.toString() : thrown.getMessage());
        } catch (RuntimeException e) {
            thrown.addSuppressed(e); // a report that cannot be written must not hide the test's own failure
            return thrown;
        }
        if (String.valueOf(thrown.getMessage()).endsWith(ReportedFailure.line(report))) {
            return thrown;
        }
        return ReportedFailure.withPath(thrown, report);
    }

    /**
     * For a passing test under mode {@code anomalies}: writes the report when the history has failing anomalies.
     */
    public static void onPass(ExtensionContext context, TestRun run) {
        if (context.getExecutionException().isEmpty() && mode(context).equals("anomalies")) {
            Diagnosis diagnosis = Checks.diagnose(run.log());
            if (!diagnosis.isClean()) {
                report(context, run, diagnosis.failures().get(0).toString());
            }
        }
    }

    private static Path report(ExtensionContext context, TestRun run, String said) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Path existing = store.get(Path.class, Path.class);
        if (existing != null) {
            return existing;
        }
        Path dir = Path.of(context.getConfigurationParameter(CourierConfig.REPORT_HTML_DIR)
                .filter(text -> !text.isBlank()).orElse(CourierConfig.DEFAULT_REPORT_HTML_DIR).trim());
        String method = context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        Class<?> testClass = context.getRequiredTestClass();
        String className = testClass.getName().substring(testClass.getPackageName().isEmpty() ? 0
                : testClass.getPackageName().length() + 1);
        String name = SummaryFile.safe(className + "." + method
                + (display.startsWith(method + "(") ? "" : "-" + display));
        HistorySnapshot snapshot = run.log().snapshot();
        Diagnosis diagnosis = Checks.diagnose(snapshot);
        String title = className + "." + method + (display.startsWith(method + "(") ? "" : " [" + display + "]");
        Path html = Reports.html(snapshot, diagnosis, title, said, dir.resolve(name + ".html")).toAbsolutePath();
        Reports.jsonLines(snapshot, dir.resolve(name + ".jsonl"));
        store.put(Path.class, html);
        context.publishReportEntry(PATH_ENTRY, html.toString());
        context.publishReportEntry(SAID_ENTRY, firstLine(said, diagnosis));
        String bugs = diagnosis.failures().stream().map(anomaly -> anomaly.kind().name()).distinct()
                .collect(Collectors.joining(", "));
        if (!bugs.isEmpty()) {
            context.publishReportEntry(BUG_ENTRY, bugs);
        }
        try {
            context.publishFile(html.getFileName().toString(), MediaType.create("text", "html"),
                    target -> Files.copy(html, target));
        } catch (JUnitException e) {
            // the launcher writes no outputs (the test kit's default); the report entries still name the file
            context.publishReportEntry(FILE_ENTRY, "not published: " + e.getMessage());
        }
        return html;
    }

    private static String firstLine(String said, Diagnosis diagnosis) {
        String text = said == null || said.isBlank() ? diagnosis.toString() : said.strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }

    private static String mode(ExtensionContext context) {
        String mode = context.getConfigurationParameter(CourierConfig.REPORT_HTML).orElse("failed").trim()
                .toLowerCase(Locale.ROOT);
        if (!mode.equals("failed") && !mode.equals("anomalies") && !mode.equals("off")) {
            throw new IllegalArgumentException("configuration parameter " + CourierConfig.REPORT_HTML
                    + " must be failed, anomalies or off, got '" + mode + "'");
        }
        return mode;
    }
}
