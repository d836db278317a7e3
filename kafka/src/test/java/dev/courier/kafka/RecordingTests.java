package dev.courier.kafka;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.EventKind;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

@KafkaTest
class RecordingTests {

    @Test
    @TopicOptions(partitions = 2)
    void recordsSendAcknowledgementDeliveryHandlingAndCommit(KafkaTopic topic) {
        // GIVEN
        KafkaProducer<String, String> producer = topic.producer("orders-service", Map.of());
        KafkaConsumer<String, String> consumer = topic.consumer("billing", "billing-1", Map.of());
        topic.subscribe(consumer, "billing-1");
        List<String> values = IntStream.range(0, 20).mapToObj(i -> "order-" + i).toList();

        // WHEN
        Polling.sendAll(producer, topic.name(), "customer-7", values);
        Polling.pollUntil(consumer, CourierKafka::handled, () -> Polling.caughtUp(consumer, topic));
        consumer.commitSync();

        // THEN
        assertThat(topic.log()).deliveredExactlyOnce().isInSendOrderPerSender()
                .isInSendOrderPerKey(CourierKafka.recordKey()).check();
        List<DeliveryEvent> events = topic.log().events();
        assertThat(events).filteredOn(e -> e.kind() == EventKind.SENT).hasSize(20)
                .allMatch(e -> e.sender().equals("orders-service") && e.receiver().equals(topic.name()));
        assertThat(events).filteredOn(e -> e.kind() == EventKind.ENQUEUED).hasSize(20)
                .allMatch(e -> e.detail().startsWith("ack partition=" + topic.name() + "-"));
        assertThat(events).filteredOn(e -> e.kind() == EventKind.DELIVERED).hasSize(20)
                .allMatch(e -> e.receiver().startsWith("billing/" + topic.name() + "-")
                        && e.detail().contains("member=billing-1"));
        assertThat(events).filteredOn(e -> e.kind() == EventKind.HANDLED).hasSize(20);
        assertThat(events).filteredOn(e -> e.kind() == EventKind.FACT).extracting(DeliveryEvent::detail)
                .anyMatch(d -> d.startsWith("assigned group=billing member=billing-1 partitions="))
                .anyMatch(d -> d.startsWith("commit group=billing member=billing-1") && d.endsWith("offset=20"));
        assertThat(KafkaChecks.check(topic.log()).anomalies()).isEmpty();
    }
}
