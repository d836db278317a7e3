package dev.courier.history;

import java.util.List;

/**
 * Every anomaly the checkers found in one snapshot, one per cause and endpoint, failures first.
 * Immutable; built by {@link Checks#diagnose(HistorySnapshot)}.
 *
 * @param anomalies failures (delivery, order, fidelity, lifecycle in that order), then informational anomalies
 */
public record Diagnosis(List<Anomaly> anomalies) {

    public Diagnosis {
        anomalies = List.copyOf(anomalies);
    }

    /** The anomalies that fail the history. */
    public List<Anomaly> failures() {
        return anomalies.stream().filter(Anomaly::isFailure).toList();
    }

    /** The informational anomalies (expected behaviour a test may wrongly rely on). */
    public List<Anomaly> informational() {
        return anomalies.stream().filter(anomaly -> !anomaly.isFailure()).toList();
    }

    /** Whether no anomaly fails the history. */
    public boolean isClean() {
        return anomalies.stream().noneMatch(Anomaly::isFailure);
    }

    /** The anomalies of one kind. */
    public List<Anomaly> ofKind(AnomalyKind kind) {
        return anomalies.stream().filter(anomaly -> anomaly.kind() == kind).toList();
    }

    /** One anomaly per line, or "no anomalies". */
    @Override
    public String toString() {
        if (anomalies.isEmpty()) {
            return "no anomalies";
        }
        StringBuilder text = new StringBuilder();
        for (Anomaly anomaly : anomalies) {
            text.append(text.length() == 0 ? "" : "\n").append("- ").append(anomaly);
        }
        return text.toString();
    }
}
