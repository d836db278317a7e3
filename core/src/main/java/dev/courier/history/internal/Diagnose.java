package dev.courier.history.internal;

import dev.courier.clone.Difference;
import dev.courier.clone.DifferenceKind;
import dev.courier.clone.Fidelity;
import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Diagnosis;
import dev.courier.history.LifecycleOptions;
import dev.courier.history.PayloadComparator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every checker over one set of {@link MessageFacts} and merges their anomalies, dropping the ones
 * another anomaly already explains: an undrained queue whose messages are reported as pending. A crash
 * with queued messages is reported as both WORKER_ERROR (the exception) and CRASHED_WITH_QUEUED (the loss).
 *
 * <p>Thread contract: a pure function as long as the comparator is.
 */
public final class Diagnose {

    /** Structural fidelity without {@link DifferenceKind#NOT_ISOLATED}, which sharing codecs produce by design. */
    public static final PayloadComparator FIDELITY_SHARING_ALLOWED = (sent, delivered) ->
            Fidelity.compare(sent, delivered).stream().filter(d -> d.kind() != DifferenceKind.NOT_ISOLATED)
                    .map(Difference::toString).toList();

    private Diagnose() {
    }

    /** All anomalies; payloads are compared only when {@code comparator} is not null. */
    public static Diagnosis of(MessageFacts facts, PayloadComparator comparator) {
        List<Anomaly> all = new ArrayList<>(DeliveryScan.report(facts).anomalies());
        all.addAll(OrderScan.report(facts, null).anomalies());
        FidelityScan.report(facts, comparator == null ? (sent, delivered) -> List.of() : comparator).anomalies()
                .forEach(all::add);
        all.addAll(LifecycleScan.report(facts, LifecycleOptions.defaults()).anomalies());
        all.addAll(LostUpdateScan.anomalies(LostUpdateScan.of(facts.snapshot())));
        Set<String> pending = endpoints(all, AnomalyKind.PENDING);
        List<Anomaly> failures = new ArrayList<>();
        List<Anomaly> informational = new ArrayList<>();
        for (Anomaly anomaly : all) {
            // A crash keeps its WORKER_ERROR (every lifecycle anomaly is named); only a queue already reported as
            // pending is not reported again as undrained.
            boolean explained = anomaly.kind() == AnomalyKind.UNDRAINED_QUEUE && pending.contains(anomaly.endpoint());
            if (!explained) {
                (anomaly.isFailure() ? failures : informational).add(anomaly);
            }
        }
        // A payload that lost its type leads the diagnosis: a clone failure that made code fall back to a lossy
        // codec is only the trigger, the changed type at its path is what breaks the receiver. Next comes an
        // exception that stopped messages in a stage: what waits downstream for them only follows from it.
        failures.sort(Comparator.comparingInt(Diagnose::rank));
        failures.addAll(informational);
        return new Diagnosis(failures);
    }

    private static int rank(Anomaly anomaly) {
        return typeChanged(anomaly) ? 0 : anomaly.kind() == AnomalyKind.STAGE_FAILED ? 1 : 2;
    }

    private static boolean typeChanged(Anomaly anomaly) {
        return anomaly.kind() == AnomalyKind.FIDELITY && anomaly.explanation().contains("TYPE_CHANGED");
    }

    private static Set<String> endpoints(List<Anomaly> anomalies, AnomalyKind kind) {
        Set<String> endpoints = new HashSet<>();
        anomalies.stream().filter(a -> a.kind() == kind).forEach(a -> endpoints.add(a.endpoint()));
        return endpoints;
    }
}
