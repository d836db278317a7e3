package dev.courier.kafka.samples;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.kafka.KafkaAnomaly;
import dev.courier.kafka.KafkaAnomalyKind;
import dev.courier.kafka.KafkaChecks;
import dev.courier.kafka.KafkaFaults;
import dev.courier.kafka.KafkaReport;
import dev.courier.kafka.KafkaTest;
import dev.courier.kafka.KafkaTopic;
import dev.courier.kafka.Polling;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Bug: {@code producer.send(record)} with neither a callback nor a look at the returned Future. When the
 * broker rejects a record, nobody hears of it and the record is gone. Fix: check each send's result and
 * retry (or surface) the failure. The fault: the broker rejects the first attempt of {@code order-2}.
 */
@KafkaTest
class FireAndForgetSampleTests {

    @Test
    void aFireAndForgetSendLosesTheRecordTheBrokerRejected(KafkaTopic topic) {
        // GIVEN a producer whose first send of order-2 the broker rejects
        KafkaProducer<String, String> producer = topic.producer(
                KafkaFaults.failFirstAttempt(topic.producerProps("shop"), "order-2"));

        // WHEN it sends fire-and-forget
        for (int i = 1; i <= 3; i++) {
            producer.send(new ProducerRecord<>(topic.name(), "order-" + i, "order-" + i));
        }
        producer.flush();
        Polling.consumeAll(topic, "fulfilment", "fulfilment-1");

        // THEN order-2 is lost, and the diagnosis names the ignored failure and its exception
        assertThatThrownBy(() -> assertThat(topic.log()).hasNoLostMessages().check()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 of 3 was lost");
        KafkaReport report = KafkaChecks.check(topic.log());
        assertThat(report.anomalies()).extracting(KafkaAnomaly::kind)
                .containsExactly(KafkaAnomalyKind.SEND_FAILED_IGNORED);
        assertThat(report.anomalies().get(0).toString())
                .contains("1 record (message ids [2])")
                .contains("the send by `shop` failed (RecordTooLargeException")
                .contains("and the record was never sent again: nobody looked at the send's result")
                .contains("Fix: check every send's result");
    }

    @Test
    void checkingEachSendAndRetryingDeliversEveryRecord(KafkaTopic topic) throws InterruptedException {
        // GIVEN the same fault
        KafkaProducer<String, String> producer = topic.producer(
                KafkaFaults.failFirstAttempt(topic.producerProps("shop"), "order-2"));

        // WHEN the producer waits for each send's result and retries a failed one
        for (int i = 1; i <= 3; i++) {
            Polling.sendRetryingInPlace(producer, new ProducerRecord<>(topic.name(), "order-" + i, "order-" + i));
        }
        Polling.consumeAll(topic, "fulfilment", "fulfilment-1");

        // THEN every order arrived once
        KafkaReport report = KafkaChecks.check(topic.log());
        assertThat(report.anomalies()).as(report.describe()).isEmpty();
        assertThat(report.handled()).isEqualTo(3);
        assertThat(topic.log()).deliveredExactlyOnce().check();
    }
}
