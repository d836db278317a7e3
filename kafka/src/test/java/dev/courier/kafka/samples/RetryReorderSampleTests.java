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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Bug: a producer without idempotence whose failed sends are collected by a callback and sent again later.
 * The retry of {@code deposit-1} lands behind {@code deposit-2..4} of the same account, so the account's
 * events are applied out of order. Fix: idempotence on, and retry a failed record before sending newer
 * records of its key. The fault: the broker rejects the first attempt of {@code deposit-1}.
 */
@KafkaTest
class RetryReorderSampleTests {

    private static final String ACCOUNT = "account-42";

    @Test
    void retryingAFailedSendLaterPutsItBehindNewerRecordsOfItsKey(KafkaTopic topic) {
        // GIVEN a producer without idempotence that retries failed sends after the batch
        KafkaProducer<String, String> producer = topic.producer(faulty(topic, "false"));
        List<ProducerRecord<String, String>> failed = new ArrayList<>();

        // WHEN deposit-1's first attempt fails while deposit-2..4 are accepted
        for (int i = 1; i <= 4; i++) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic.name(), ACCOUNT, "deposit-" + i);
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    synchronized (failed) {
                        failed.add(record);
                    }
                }
            });
        }
        producer.flush();
        synchronized (failed) {
            failed.forEach(producer::send);
        }
        producer.flush();
        Polling.consumeAll(topic, "ledger", "ledger-1");

        // THEN the account's deposits are out of send order, and the diagnosis names the retry
        assertThatThrownBy(() -> assertThat(topic.log()).isInSendOrderPerKey(CourierKafka.recordKey()).check())
                .isInstanceOf(AssertionError.class).hasMessageContaining(ACCOUNT);
        KafkaReport report = KafkaChecks.check(topic.log());
        assertThat(report.anomalies()).extracting(KafkaAnomaly::kind)
                .containsExactly(KafkaAnomalyKind.KEY_ORDER_AFTER_RETRY);
        assertThat(report.anomalies().get(0).toString())
                .contains("key `" + ACCOUNT + "`: group `ledger` handled message 1 after message")
                .contains("message 1's send failed")
                .contains("it was sent again after newer records of its key, so the retry landed behind them")
                .contains("Fix: let the producer retry in order: enable.idempotence=true");
    }

    @Test
    void retryingInPlaceWithIdempotenceKeepsTheKeysOrder(KafkaTopic topic) throws InterruptedException {
        // GIVEN an idempotent producer that retries a failed send before sending the next record of the key
        KafkaProducer<String, String> producer = topic.producer(faulty(topic, "true"));

        // WHEN deposit-1's first attempt fails
        for (int i = 1; i <= 4; i++) {
            Polling.sendRetryingInPlace(producer, new ProducerRecord<>(topic.name(), ACCOUNT, "deposit-" + i));
        }
        Polling.consumeAll(topic, "ledger", "ledger-1");

        // THEN the deposits are applied in send order
        KafkaReport report = KafkaChecks.check(topic.log());
        assertThat(report.anomalies()).as(report.describe()).isEmpty();
        assertThat(topic.log()).deliveredExactlyOnce().isInSendOrderPerKey(CourierKafka.recordKey()).check();
    }

    private static Properties faulty(KafkaTopic topic, String idempotence) {
        Properties props = KafkaFaults.failFirstAttempt(topic.producerProps("ledger-api"), "deposit-1");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotence);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }
}
