package dev.courier.kafka;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.EventKind;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@KafkaTest
class KafkaChecksTests {

    @Test
    void aRestartedConsumerThatDidNotCommitIsDiagnosedAsRedeliveryAfterRestart(KafkaTopic topic) {
        // GIVEN records handled by a consumer that never commits
        Polling.sendAll(topic.producer("feed", Map.of()), topic.name(), "k",
                IntStream.range(0, 5).mapToObj(i -> "r" + i).toList());
        KafkaConsumer<String, String> first = topic.consumer("readers", "reader-1", Map.of());
        topic.subscribe(first, "reader-1");
        Polling.pollUntil(first, CourierKafka::handled, () -> Polling.caughtUp(first, topic));

        // WHEN it is restarted
        KafkaConsumer<String, String> second = KafkaFaults.restart(first,
                () -> topic.consumer("readers", "reader-2", Map.of()));
        topic.subscribe(second, "reader-2");
        Polling.pollUntil(second, CourierKafka::handled, () -> Polling.caughtUp(second, topic));

        // THEN the second consumer handled them again, and the diagnosis names the close without commit
        KafkaReport report = KafkaChecks.check(topic.log());
        assertThat(report.anomalies()).extracting(KafkaAnomaly::kind)
                .containsExactly(KafkaAnomalyKind.REDELIVERED_AFTER_RESTART);
        assertThat(report.anomalies().get(0).toString())
                .contains("group `readers`: 5 records of " + topic.name() + "-0 at offsets 0–4")
                .contains("consumer `reader-1` closed")
                .contains("`reader-2` received them again and handled them twice")
                .contains("Fix: commitSync the handled offsets before closing the consumer");
    }

    @Test
    void aProducerClosedWithoutFlushIsDiagnosedAsSuch(KafkaTopic topic) throws InterruptedException {
        // GIVEN a producer that buffers records for a long linger
        KafkaProducer<String, String> producer = topic.producer("batcher", Map.of(ProducerConfig.LINGER_MS_CONFIG, "60000"));
        for (int i = 0; i < 3; i++) {
            producer.send(new ProducerRecord<>(topic.name(), "k", "r" + i));
        }

        // WHEN it is closed at once, without flush
        producer.close(Duration.ZERO);
        boolean failed = topic.log().await(s -> s.count(EventKind.DROPPED) == 3, Duration.ofSeconds(30));

        // THEN the aborted records are diagnosed as closed without flush
        assertThat(failed).as("three aborted sends recorded").isTrue();
        KafkaReport report = KafkaChecks.check(topic.log());
        assertThat(report.anomalies()).extracting(KafkaAnomaly::kind)
                .containsExactly(KafkaAnomalyKind.PRODUCER_CLOSED_WITHOUT_FLUSH);
        assertThat(report.anomalies().get(0).toString())
                .contains("3 records (message ids [1, 2, 3])")
                .contains("producer `batcher` was closed before these records were sent")
                .contains("Fix: call producer.flush() before close");
    }

    @Test
    void recordsCommittedButNeverPolledAreReportedAsNotConsumed(KafkaTopic topic) {
        // GIVEN acknowledged records, and a group whose consumer handled only the first
        Polling.sendAll(topic.producer("feed", Map.of()), topic.name(), "k", List.of("a", "b", "c"));
        KafkaConsumer<String, String> consumer = topic.consumer("slow", "slow-1",
                Map.of("max.poll.records", "1"));
        topic.subscribe(consumer, "slow-1");
        int[] handled = {0};

        // WHEN it stops after one record
        Polling.pollUntil(consumer, record -> {
            CourierKafka.handled(record);
            handled[0]++;
        }, () -> handled[0] == 1);

        // THEN the other two are named as not consumed, with their partition and offsets
        KafkaReport report = KafkaChecks.check(topic.log());
        assertThat(report.anomalies()).extracting(KafkaAnomaly::kind)
                .containsExactly(KafkaAnomalyKind.NOT_CONSUMED);
        assertThat(report.anomalies().get(0).toString())
                .contains("group `slow`: 2 records of " + topic.name() + "-0 at offsets 1–2")
                .contains("acknowledged by the broker but group `slow` never received them");
    }

    @RepeatedTest(8)
    @TopicOptions(partitions = 3)
    void aCorrectConsumerSurvivesRebalancesAndRestartsWithoutAnyAnomaly(KafkaTopic topic) {
        // GIVEN keyed records over three partitions, and a consumer that commits what it handled, also on revocation
        KafkaProducer<String, String> producer = topic.producer("orders", Map.of());
        for (int i = 0; i < 30; i++) {
            producer.send(new ProducerRecord<>(topic.name(), "customer-" + (i % 4), "order-" + i));
        }
        producer.flush();

        // WHEN it is forced to rebalance, then restarted
        KafkaConsumer<String, String> consumer = correctConsumer(topic, "shipping-1");
        Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
        Polling.pollUntil(consumer, record -> handle(consumer, record, handled), () -> handled.size() >= 1);
        KafkaFaults.forceRebalance(consumer);
        Polling.pollUntil(consumer, record -> handle(consumer, record, handled),
                () -> Polling.facts(topic.log(), "assigned group=shipping member=shipping-1") >= 2);
        KafkaConsumer<String, String> restarted = KafkaFaults.restart(consumer, () -> correctConsumer(topic, "shipping-2"));
        Map<TopicPartition, OffsetAndMetadata> handledAfter = new HashMap<>();
        Polling.pollUntil(restarted, record -> handle(restarted, record, handledAfter),
                () -> Polling.caughtUp(restarted, topic));

        // THEN nothing fires: every record handled once, in key order
        KafkaReport report = KafkaChecks.check(topic.log());
        assertThat(report.anomalies()).as(report.describe()).isEmpty();
        assertThat(report.handled()).isEqualTo(30);
        assertThat(topic.log()).hasNoLostMessages().isInSendOrderPerKey(CourierKafka.recordKey()).check();
    }

    private static KafkaConsumer<String, String> correctConsumer(KafkaTopic topic, String member) {
        KafkaConsumer<String, String> consumer = topic.consumer("shipping", member, Map.of());
        topic.subscribe(consumer, member, new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Each record is committed as soon as it is handled; nothing is left to commit.
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // Positions come from the committed offsets.
            }
        });
        return consumer;
    }

    private static void handle(KafkaConsumer<String, String> consumer, ConsumerRecord<String, String> record,
                               Map<TopicPartition, OffsetAndMetadata> handled) {
        CourierKafka.handled(record);
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        handled.put(partition, new OffsetAndMetadata(record.offset() + 1));
        consumer.commitSync(Map.of(partition, handled.get(partition)));
    }
}
