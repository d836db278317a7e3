package dev.courier.kafka;

/** What went wrong with Kafka records, each named for its cause. */
public enum KafkaAnomalyKind {
    /** Lost: the group committed past the record's offset before the application handled it. */
    COMMITTED_BEFORE_PROCESSING,
    /** Lost: the send failed (the broker or the producer said so) and the record was never sent again. */
    SEND_FAILED_IGNORED,
    /** Lost: the producer was closed without flushing, so the record's batch was aborted. */
    PRODUCER_CLOSED_WITHOUT_FLUSH,
    /** Not handled: delivered to the group, never handled, and not committed (nothing redelivered it yet). */
    DELIVERED_NOT_HANDLED,
    /** Not consumed: the broker acknowledged the record but the group never received it. */
    NOT_CONSUMED,
    /** Not acknowledged: the send has neither succeeded nor failed. */
    NOT_ACKNOWLEDGED,
    /** Duplicated: handled, not committed, then redelivered after its partition was revoked in a rebalance. */
    REDELIVERED_AFTER_REBALANCE,
    /** Duplicated: handled, not committed, then redelivered after the consumer closed and a new one resumed. */
    REDELIVERED_AFTER_RESTART,
    /** Duplicated: the same offset handled again for another reason (a seek, a second subscription). */
    REDELIVERED,
    /** Duplicated: the record was written at two offsets (a retry or re-send without idempotence). */
    PRODUCER_RETRY_DUPLICATE,
    /** Reordered: a record of a key was handled after a later one of the same key, because its send was retried. */
    KEY_ORDER_AFTER_RETRY,
    /** Reordered: a record of a key was handled after a later one of the same key. */
    KEY_ORDER,
    /** Reordered: records of one producer in one partition were handled out of send order. */
    PARTITION_ORDER
}
