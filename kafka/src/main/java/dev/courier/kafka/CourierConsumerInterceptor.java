package dev.courier.kafka;

import dev.courier.kafka.internal.Facts;
import dev.courier.kafka.internal.Journal;
import dev.courier.kafka.internal.Journals;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Records what a consumer receives and commits: configure it by class name in {@code interceptor.classes},
 * as {@link KafkaTopic#consumerProps(String, String)} does. {@code onConsume} records DELIVERED for each
 * record a poll returns (group, member = client id, topic-partition, offset); {@code onCommit} records each
 * committed offset as a fact; {@code close} records that the consumer closed.
 *
 * <p>Thread contract: Kafka calls it on the consumer's own thread (the one calling {@code poll} and
 * {@code commit*}); it only appends to the thread-safe journal.
 */
public final class CourierConsumerInterceptor implements ConsumerInterceptor<Object, Object> {

    private Journal journal;
    private String group;
    private String member;

    @Override
    public void configure(Map<String, ?> configs) {
        Object id = configs.get(ConsumerConfig.CLIENT_ID_CONFIG);
        Object groupId = configs.get(ConsumerConfig.GROUP_ID_CONFIG);
        member = id == null || id.toString().isEmpty() ? "consumer" : id.toString();
        group = groupId == null ? "no-group" : groupId.toString();
        journal = Journals.fromConfig(configs, "consumer `" + member + "`");
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        for (ConsumerRecord<Object, Object> record : records) {
            journal.delivered(record, group, member);
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> journal.fact(member, Facts.format(Facts.COMMIT, "group", group,
                "member", member, "partition", partition, "offset", offset.offset())));
    }

    @Override
    public void close() {
        journal.fact(member, Facts.format(Facts.CONSUMER_CLOSED, "group", group, "member", member));
    }
}
