package dev.courier.kafka;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The verdict of {@link KafkaChecks}: every anomaly found, lost first, then duplicated, then reordered.
 *
 * @param sent      records sent through Courier's producer interceptor
 * @param handled   successful handlings recorded with {@link CourierKafka#handled}
 * @param anomalies what went wrong, with causes and fixes
 */
public record KafkaReport(int sent, int handled, List<KafkaAnomaly> anomalies) {

    public KafkaReport {
        anomalies = List.copyOf(anomalies);
    }

    public boolean isClean() {
        return anomalies.isEmpty();
    }

    /** The anomalies of one kind. */
    public List<KafkaAnomaly> of(KafkaAnomalyKind kind) {
        return anomalies.stream().filter(a -> a.kind() == kind).toList();
    }

    /** A readable summary: counts, then one paragraph per anomaly. */
    public String describe() {
        String head = sent + " records sent, " + handled + " handlings, " + anomalies.size() + " anomalies";
        return anomalies.isEmpty() ? head : head + ":\n" + anomalies.stream().map(a -> "- " + a)
                .collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return describe();
    }
}
