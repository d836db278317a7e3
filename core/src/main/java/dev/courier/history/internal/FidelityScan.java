package dev.courier.history.internal;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.EventKind;
import dev.courier.history.FidelityMismatch;
import dev.courier.history.FidelityReport;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.InFlightMutation;
import dev.courier.history.PayloadComparator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compares retained SENT and DELIVERED payloads message by message and collects MUTATED_IN_FLIGHT
 * events; one pass over the {@link MessageFacts} slots and one over the events.
 *
 * <p>Thread contract: a pure function as long as the comparator is.
 */
public final class FidelityScan {

    private FidelityScan() {
    }

    /** The fidelity report of the snapshot behind {@code facts}. */
    public static FidelityReport report(MessageFacts facts, PayloadComparator comparator) {
        HistorySnapshot snapshot = facts.snapshot();
        List<FidelityMismatch> mismatches = new ArrayList<>();
        int compared = 0;
        int notCompared = 0;
        for (int slot = 0, messages = facts.messages(); slot < messages; slot++) {
            int sent = facts.sentIndex(slot);
            int delivered = facts.deliveredIndex(slot);
            if (sent < 0 || delivered < 0) {
                continue;
            }
            Object original = snapshot.payload(sent);
            Object copy = snapshot.payload(delivered);
            if (original == null || copy == null) {
                notCompared++;
                continue;
            }
            compared++;
            List<String> differences = comparator.compare(original, copy);
            if (!differences.isEmpty()) {
                mismatches.add(new FidelityMismatch(facts.id(slot), snapshot.sender(sent), snapshot.receiver(delivered),
                        snapshot.sequence(sent), differences));
            }
        }
        List<InFlightMutation> mutations = new ArrayList<>();
        for (int index = 0, size = snapshot.size(); index < size; index++) {
            if (snapshot.kind(index) == EventKind.MUTATED_IN_FLIGHT) {
                mutations.add(new InFlightMutation(snapshot.messageId(index), snapshot.sender(index),
                        snapshot.receiver(index), snapshot.sequence(index), snapshot.detail(index), index));
            }
        }
        return new FidelityReport(compared, notCompared, mismatches, mutations, anomalies(mismatches, mutations));
    }

    private static List<Anomaly> anomalies(List<FidelityMismatch> mismatches, List<InFlightMutation> mutations) {
        List<Anomaly> anomalies = new ArrayList<>();
        for (List<FidelityMismatch> group : DeliveryDiagnoses.group(mismatches, FidelityMismatch::receiver)) {
            FidelityMismatch first = group.get(0);
            // A lost type leads: it is what a lossy fallback codec (a JSON round trip) does, and names the path.
            List<String> differences = new ArrayList<>(first.differences());
            differences.sort(Comparator.comparing(difference -> !difference.contains("TYPE_CHANGED")));
            anomalies.add(new Anomaly(AnomalyKind.FIDELITY, first.receiver(),
                    group.stream().map(FidelityMismatch::id).toList(), Text.count(group.size(), "message")
                    + " delivered to `" + first.receiver() + "` differed from what was sent (first: message "
                    + first.id() + " from `" + first.sender() + "`: " + String.join("; ", differences) + ")",
                    "make the payload survive the codec (use the structured clone codec, or types it preserves) "
                    + "instead of repairing it with a lossy round trip"));
        }
        for (List<InFlightMutation> group : DeliveryDiagnoses.group(mutations, InFlightMutation::receiver)) {
            InFlightMutation first = group.get(0);
            anomalies.add(new Anomaly(AnomalyKind.MUTATED_IN_FLIGHT, first.receiver(),
                    group.stream().map(InFlightMutation::id).toList(), Text.count(group.size(), "payload") + " sent to `"
                    + first.receiver() + "` changed between send and delivery (first: message " + first.id()
                    + " from `" + first.sender() + "`: " + first.detail() + ")", "do not modify a payload after "
                    + "posting it: post a copy, or use a copying codec instead of a sharing one"));
        }
        return anomalies;
    }
}
