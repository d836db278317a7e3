package dev.courier.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Every figure measured in one suite run, keyed by name (e.g. {@code CloneBenchmark.kryoCopy:graph100},
 * {@code node.postMessage}), with its unit. Filled by the suite on one thread, then read by the report.
 */
final class Scores {

    record Score(double value, String unit) {
    }

    private final Map<String, Score> scores = new LinkedHashMap<>();

    void put(String key, double value, String unit) {
        scores.put(key, new Score(value, unit));
    }

    OptionalDouble get(String key) {
        Score score = scores.get(key);
        return score == null ? OptionalDouble.empty() : OptionalDouble.of(score.value());
    }

    Map<String, Score> all() {
        return scores;
    }
}
