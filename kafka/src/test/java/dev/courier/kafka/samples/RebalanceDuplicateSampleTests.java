package dev.courier.kafka.samples;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.kafka.CourierKafka;
import dev.courier.kafka.KafkaAnomaly;
import dev.courier.kafka.KafkaAnomalyKind;
import dev.courier.kafka.KafkaChecks;
import dev.courier.kafka.KafkaFaults;
import dev.courier.kafka.KafkaReport;
import dev.courier.kafka.KafkaTest;
import dev.courier.kafka.KafkaTopic;
import dev.courier.kafka.Polling;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Bug: a consumer commits in large batches ("every 100 records") and does nothing when its partitions are
 * revoked. A rebalance (a new instance joining, a slow poll) takes the partition away while the handled
 * records are uncommitted, and the partition's next owner handles them again. Fix: commit the handled
 * offsets in {@code onPartitionsRevoked}.
 */
@KafkaTest
class RebalanceDuplicateSampleTests {

    private static final int RECORDS = 10;

    @Test
    void aRebalanceRedeliversHandledButUncommittedRecords(KafkaTopic topic) {
        // GIVEN payments handled by a consumer that has not reached its commit interval
        KafkaConsumer<String, String> consumer = paymentsConsumer(topic);
        topic.subscribe(consumer, "payments-1");

        // WHEN the group rebalances after it handled them all
        consumeAcrossRebalance(topic, consumer, new HashMap<>());

        // THEN they were handled twice, and the diagnosis names the revocation and the uncommitted offsets
        assertThatThrownBy(() -> assertThat(topic.log()).hasNoDuplicates().check()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("10 of 10 messages were delivered more than once");
        KafkaReport report = KafkaChecks.check(topic.log());
        assertThat(report.anomalies()).extracting(KafkaAnomaly::kind)
                .containsExactly(KafkaAnomalyKind.REDELIVERED_AFTER_REBALANCE);
        assertThat(report.anomalies().get(0).toString())
                .contains("group `payments`: 10 records of " + topic.name() + "-0 at offsets 0–9")
                .contains(topic.name() + "-0 was revoked from `payments-1` in a rebalance")
                .contains("handled but uncommitted (no offset of " + topic.name() + "-0 was committed)")
                .contains("Fix: commit the handled offsets in ConsumerRebalanceListener.onPartitionsRevoked");
    }

    @Test
    void committingOnRevocationKeepsEachRecordHandledOnce(KafkaTopic topic) {
        // GIVEN the same consumer, whose rebalance listener commits what it handled when partitions are revoked
        KafkaConsumer<String, String> consumer = paymentsConsumer(topic);
        Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
        topic.subscribe(consumer, "payments-1", new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                consumer.commitSync(handled);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // Positions come from the committed offsets.
            }
        });

        // WHEN the group rebalances after it handled them all
        consumeAcrossRebalance(topic, consumer, handled);

        // THEN each payment was handled once
        KafkaReport report = KafkaChecks.check(topic.log());
        assertThat(report.anomalies()).as(report.describe()).isEmpty();
        assertThat(report.handled()).isEqualTo(RECORDS);
        assertThat(topic.log()).hasNoDuplicates().hasNoLostMessages().check();
    }

    private static KafkaConsumer<String, String> paymentsConsumer(KafkaTopic topic) {
        List<String> payments = IntStream.range(0, RECORDS).mapToObj(i -> "payment-" + i).toList();
        Polling.sendAll(topic.producer("checkout", Map.of()), topic.name(), "payments", payments);
        return topic.consumer("payments", "payments-1", Map.of());
    }

    // Handles everything, forces a rebalance, then keeps polling until the partition is assigned again and
    // the consumer has caught up; the batch commit interval (100 records) is never reached.
    private static void consumeAcrossRebalance(KafkaTopic topic, KafkaConsumer<String, String> consumer,
                                               Map<TopicPartition, OffsetAndMetadata> handled) {
        Polling.pollUntil(consumer, record -> handle(record, handled), () -> Polling.caughtUp(consumer, topic));
        KafkaFaults.forceRebalance(consumer);
        Polling.pollUntil(consumer, record -> handle(record, handled),
                () -> Polling.facts(topic.log(), "assigned") >= 2 && Polling.caughtUp(consumer, topic));
    }

    private static void handle(ConsumerRecord<String, String> record,
                               Map<TopicPartition, OffsetAndMetadata> handled) {
        CourierKafka.handled(record);
        handled.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
    }
}
