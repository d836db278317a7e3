package dev.courier.history;

import java.util.List;

/**
 * Payload fidelity of one snapshot: each delivered message whose payload was retained on both its SENT
 * and its DELIVERED event, compared by a {@link PayloadComparator}, plus every recorded mutation in
 * flight. Immutable; built by {@link Checks#fidelity(HistorySnapshot, PayloadComparator)}.
 *
 * @param compared    messages compared
 * @param notCompared delivered messages without a retained payload on SENT or DELIVERED
 * @param mismatches  compared messages with differences
 * @param mutations   MUTATED_IN_FLIGHT events
 * @param anomalies   the diagnosed causes, one per cause and receiver
 */
public record FidelityReport(int compared, int notCompared, List<FidelityMismatch> mismatches,
                             List<InFlightMutation> mutations, List<Anomaly> anomalies) {

    public FidelityReport {
        mismatches = List.copyOf(mismatches);
        mutations = List.copyOf(mutations);
        anomalies = List.copyOf(anomalies);
    }

    /** No mismatch and no mutation in flight. */
    public boolean isClean() {
        return mismatches.isEmpty() && mutations.isEmpty();
    }
}
