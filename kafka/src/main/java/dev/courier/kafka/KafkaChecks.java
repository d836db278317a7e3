package dev.courier.kafka;

import dev.courier.history.DeliveryLog;
import dev.courier.history.HistorySnapshot;
import dev.courier.kafka.internal.KafkaDiagnoses;

/**
 * Kafka's own checks over a history recorded by Courier's interceptors: every sent record handled exactly
 * once by each consumer group that consumed the topic, and handled in send order per key and per
 * producer partition. Each anomaly names its cause from recorded facts (a commit before processing, a
 * failed send nobody looked at, a rebalance or restart that redelivered uncommitted offsets, a retry
 * without idempotence) and the fix. Core's {@code Checks} and {@code CourierAssertions} work on the same
 * history unchanged; these add Kafka's causes.
 *
 * <p>Thread contract: pure functions over an immutable snapshot; call from any thread.
 */
public final class KafkaChecks {

    private KafkaChecks() {
    }

    /** The report of everything recorded in {@code log} so far. */
    public static KafkaReport check(DeliveryLog log) {
        return check(log.snapshot());
    }

    /** The report of {@code snapshot}. */
    public static KafkaReport check(HistorySnapshot snapshot) {
        return KafkaDiagnoses.report(snapshot);
    }
}
