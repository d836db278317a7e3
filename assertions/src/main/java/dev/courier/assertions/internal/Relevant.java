package dev.courier.assertions.internal;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Selects the anomalies a failure should explain. Stateless. */
public final class Relevant {

    private Relevant() {
    }

    /** The anomalies about at least one of the given messages. */
    public static List<Anomaly> concerning(List<Anomaly> anomalies, Collection<Long> messageIds) {
        Set<Long> ids = new HashSet<>(messageIds);
        return anomalies.stream().filter(anomaly -> anomaly.messageIds().stream().anyMatch(ids::contains)).toList();
    }

    /** The anomalies of the given kinds. */
    public static List<Anomaly> ofKinds(List<Anomaly> anomalies, AnomalyKind first, AnomalyKind... more) {
        Set<AnomalyKind> kinds = EnumSet.of(first, more);
        return anomalies.stream().filter(anomaly -> kinds.contains(anomaly.kind())).toList();
    }

    /** The anomalies at one of the given endpoints. */
    public static List<Anomaly> atEndpoints(List<Anomaly> anomalies, Collection<String> endpoints) {
        Set<String> labels = new HashSet<>(endpoints);
        return anomalies.stream().filter(anomaly -> labels.contains(anomaly.endpoint())).toList();
    }
}
