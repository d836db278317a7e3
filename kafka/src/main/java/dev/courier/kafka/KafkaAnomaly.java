package dev.courier.kafka;

import java.util.List;

/**
 * One Kafka anomaly with its cause from recorded facts and a fix that fits it.
 *
 * @param kind        what went wrong, named for its cause
 * @param group       the consumer group concerned, or null for a producer-side anomaly
 * @param partition   the topic-partition concerned ({@code orders-0}), or null when unknown
 * @param messageIds  the messages concerned, in send order
 * @param offsets     their offsets in {@code partition} (empty when they never reached it)
 * @param explanation what happened, from the recorded facts
 * @param fix         what to change
 */
public record KafkaAnomaly(KafkaAnomalyKind kind, String group, String partition, List<Long> messageIds,
                           List<Long> offsets, String explanation, String fix) {

    public KafkaAnomaly {
        messageIds = List.copyOf(messageIds);
        offsets = List.copyOf(offsets);
    }

    @Override
    public String toString() {
        return kind + ": " + explanation + ". Fix: " + fix;
    }
}
