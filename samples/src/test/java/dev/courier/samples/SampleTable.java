package dev.courier.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends the samples run with a table on the console: each sample test whose history showed a bug, the bug (the
 * failing anomaly kinds), the first line of what Courier said, and its HTML report. Reads only the report entries
 * the Courier extension publishes ({@code courier.report}, {@code courier.report.bug}, {@code courier.report.said});
 * registered through {@code META-INF/services}.
 *
 * <p>Thread contract: the launcher may report entries from parallel tests; rows are collected under this object's
 * lock and printed once, when the test plan finished.
 */
public final class SampleTable implements TestExecutionListener {

    private static final int SAID_WIDTH = 90;

    private final List<String[]> rows = new ArrayList<>();

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        Map<String, String> pairs = entry.getKeyValuePairs();
        String[] row = rows.stream().filter(candidate -> candidate[4].equals(test.getUniqueId())).findFirst()
                .orElse(null);
        if (row == null && pairs.containsKey("courier.report")) {
            row = new String[] {sample(test), "", "", relative(pairs.get("courier.report")), test.getUniqueId()};
            rows.add(row);
        }
        if (row != null) {
            row[1] = pairs.getOrDefault("courier.report.bug", row[1]);
            row[2] = pairs.getOrDefault("courier.report.said", row[2]);
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        if (rows.isEmpty()) {
            return;
        }
        int[] widths = {6, 3, 12};
        for (String[] row : rows) {
            row[2] = row[2].length() <= SAID_WIDTH ? row[2] : row[2].substring(0, SAID_WIDTH - 3) + "...";
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder table = new StringBuilder("\nCourier samples: ").append(rows.size())
                .append(" sample tests showed a bug, each with an HTML report\n");
        line(table, widths, "Sample", "Bug", "Courier said", "Report");
        line(table, widths, "-".repeat(widths[0]), "-".repeat(widths[1]), "-".repeat(widths[2]), "------");
        rows.forEach(row -> line(table, widths, row[0], row[1], row[2], row[3]));
        System.out.print(table);
        System.out.flush();
    }

    private static void line(StringBuilder table, int[] widths, String sample, String bug, String said, String path) {
        table.append(String.format("%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s%n", sample,
                bug, said, path));
    }

    private static String sample(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(source -> source.getJavaClass().getSimpleName().replace("SampleTests", ""))
                .orElse(test.getDisplayName());
    }

    // relative to the reactor root (the parent of the samples module) when the report lies under it
    private static String relative(String path) {
        Path report = Path.of(path);
        Path module = Path.of("").toAbsolutePath();
        Path root = module.getParent() != null && Files.exists(module.getParent().resolve("pom.xml"))
                ? module.getParent() : module;
        return report.startsWith(root) ? root.relativize(report).toString() : path;
    }
}
