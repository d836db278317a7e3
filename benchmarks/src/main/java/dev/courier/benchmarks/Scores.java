package dev.courier.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Every figure measured in one suite run, keyed by name (e.g. {@code CloneBenchmark.kryoCopy:graph100},
 * {@code node.postMessage}), with its unit. Filled by the suite on one thread, then read by the report.
 */
final class Scores {

    /** A figure, with its error (JMH's 99.9% confidence half-width; NaN when the figure has none) and unit. */
    record Score(double value, double error, String unit) {

        /** The error as a share of the figure, or NaN. */
        double relativeError() {
            return Double.isNaN(error) || value == 0 ? Double.NaN : Math.abs(error / value);
        }
    }

    private final Map<String, Score> scores = new LinkedHashMap<>();

    void put(String key, double value, String unit) {
        put(key, value, Double.NaN, unit);
    }

    void put(String key, double value, double error, String unit) {
        scores.put(key, new Score(value, error, unit));
    }

    /** The figure under {@code key} with its error, if measured. */
    Optional<Score> score(String key) {
        return Optional.ofNullable(scores.get(key));
    }

    OptionalDouble get(String key) {
        Score score = scores.get(key);
        return score == null ? OptionalDouble.empty() : OptionalDouble.of(score.value());
    }

    Map<String, Score> all() {
        return scores;
    }
}
