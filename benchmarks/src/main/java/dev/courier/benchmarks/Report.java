package dev.courier.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The results table: each metric, its baseline from the same run, the ratio, the target and whether it is
 * met. Written as Markdown to {@code benchmarks/results/latest.md}.
 */
final class Report {

    /** A target: either a minimum ratio against a baseline, or an absolute bound on the measured value. */
    record Target(String text, double bound, boolean ratio, boolean upper) {
        static Target ratioAtLeast(double min, String text) {
            return new Target(text, min, true, false);
        }

        /** A maximum ratio against a baseline, for times (lower is better). */
        static Target ratioAtMost(double max, String text) {
            return new Target(text, max, true, true);
        }

        static Target atMost(double max, String text) {
            return new Target(text, max, false, true);
        }

        static Target atLeast(double min, String text) {
            return new Target(text, min, false, false);
        }

        /** A figure reported for information, with no target to meet. */
        static Target none() {
            return new Target("—", Double.NaN, false, false);
        }

        boolean exists() {
            return !Double.isNaN(bound);
        }

        boolean met(double value) {
            return upper ? value <= bound : value >= bound;
        }
    }

    /** One table row; {@code baselineKey} is null for absolute targets. */
    record Row(String metric, String measuredKey, String baselineKey, String baselineName, Target target) {
    }

    /** A figure whose error is above this share of it is reported as unstable. */
    static final double MAX_RELATIVE_ERROR = 0.10;

    private final List<Row> rows = new ArrayList<>();

    Report row(String metric, String measuredKey, String baselineKey, String baselineName, Target target) {
        rows.add(new Row(metric, measuredKey, baselineKey, baselineName, target));
        return this;
    }

    String render(Scores scores, String environment) {
        StringBuilder md = new StringBuilder("# Courier benchmark results\n\n")
                .append("Measured ").append(LocalDate.now()).append(" on ").append(environment).append(".\n")
                .append("Ratios are Courier's figure over the baseline's, measured side by side in this run ")
                .append("(higher is better for throughput). Each figure carries its error (JMH's 99.9% confidence ")
                .append("half-width) and its share of the figure; a row whose figures vary by more than 10% says ")
                .append("so in its last column.\n\n")
                .append("| metric | Courier | baseline | baseline figure | ratio | target | met |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            OptionalDouble measured = scores.get(row.measuredKey());
            OptionalDouble baseline = row.baselineKey() == null ? OptionalDouble.empty() : scores.get(row.baselineKey());
            String unit = unit(scores, row.measuredKey());
            md.append("| ").append(row.metric())
                    .append(" | ").append(measured.isPresent() ? figure(scores, row.measuredKey()) : "not run")
                    .append(" | ").append(row.baselineName() == null ? "—" : row.baselineName())
                    .append(" | ").append(baseline.isPresent() ? figure(scores, row.baselineKey()) : "—");
            String ratio = "—";
            String met = "not run";
            if (measured.isPresent() && row.target().ratio() && baseline.isPresent()) {
                double value = measured.getAsDouble() / baseline.getAsDouble();
                ratio = String.format(Locale.ROOT, "%.2f×", value);
                met = row.target().met(value) ? "met" : "**not met**";
            } else if (measured.isPresent() && !row.target().exists()) {
                met = "—";
            } else if (measured.isPresent() && !row.target().ratio()) {
                met = row.target().met(measured.getAsDouble()) ? "met" : "**not met**";
            }
            double spread = Math.max(relativeError(scores, row.measuredKey()),
                    row.baselineKey() == null ? 0 : relativeError(scores, row.baselineKey()));
            if (spread > MAX_RELATIVE_ERROR) {
                met += String.format(Locale.ROOT, " (unstable: error %.0f%%)", spread * 100);
            }
            md.append(" | ").append(ratio).append(" | ").append(row.target().text()).append(" | ").append(met)
                    .append(" |\n");
        }
        md.append("\n## All figures\n\n| key | value | error | error % | unit |\n|---|---|---|---|---|\n");
        scores.all().forEach((key, score) -> md.append("| ").append(key).append(" | ")
                .append(number(score.value())).append(" | ")
                .append(Double.isNaN(score.error()) ? "—" : "± " + number(score.error())).append(" | ")
                .append(Double.isNaN(score.relativeError()) ? "—"
                        : String.format(Locale.ROOT, "%.1f%%", score.relativeError() * 100))
                .append(" | ").append(score.unit()).append(" |\n"));
        return md.toString();
    }

    // "26,953 ± 812 ops/s (3.0%)", or the figure alone when it has no error.
    private static String figure(Scores scores, String key) {
        Scores.Score score = scores.all().get(key);
        String text = number(score.value());
        if (!Double.isNaN(score.error())) {
            text += " ± " + number(score.error());
        }
        text += " " + score.unit();
        if (!Double.isNaN(score.relativeError())) {
            text += String.format(Locale.ROOT, " (%.1f%%)", score.relativeError() * 100);
        }
        return text;
    }

    // The figure's relative error, 0 when it has none.
    private static double relativeError(Scores scores, String key) {
        Scores.Score score = scores.all().get(key);
        return score == null || Double.isNaN(score.relativeError()) ? 0 : score.relativeError();
    }

    private static String unit(Scores scores, String key) {
        Scores.Score score = scores.all().get(key);
        return score == null ? "" : score.unit();
    }

    private static String number(double value) {
        if (Math.abs(value) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    void write(Path file, Scores scores, String environment) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, render(scores, environment));
    }
}
