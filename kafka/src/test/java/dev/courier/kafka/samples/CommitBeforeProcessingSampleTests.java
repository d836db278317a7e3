package dev.courier.kafka.samples;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.kafka.CourierKafka;
import dev.courier.kafka.KafkaAnomaly;
import dev.courier.kafka.KafkaAnomalyKind;
import dev.courier.kafka.KafkaChecks;
import dev.courier.kafka.KafkaReport;
import dev.courier.kafka.KafkaTest;
import dev.courier.kafka.KafkaTopic;
import dev.courier.kafka.Polling;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Bug: a worker commits right after poll() and then processes the batch. When it stops mid-batch (a crash,
 * a redeploy), the records it polled but never processed are already committed: the next worker of the
 * group resumes after them and they are lost. Fix: commit only what was handled.
 */
@KafkaTest
class CommitBeforeProcessingSampleTests {

    private static final int RECORDS = 10;
    private static final int HANDLED_BEFORE_STOP = 4;

    @Test
    void committingRightAfterPollLosesTheRecordsAWorkerStoppedBefore(KafkaTopic topic) {
        // GIVEN ten invoices, and a worker that commits each batch before processing it
        send(topic);
        KafkaConsumer<String, String> first = topic.consumer("invoicing", "worker-1", Map.of());
        topic.subscribe(first, "worker-1");

        // WHEN it stops after four invoices and a second worker of the group takes over
        int[] handled = {0};
        Polling.pollBatchesUntil(first, batch -> {
            if (!batch.isEmpty()) {
                first.commitSync();
            }
            for (ConsumerRecord<String, String> record : batch) {
                if (handled[0] < HANDLED_BEFORE_STOP) {
                    CourierKafka.handled(record);
                    handled[0]++;
                }
            }
        }, () -> handled[0] >= HANDLED_BEFORE_STOP);
        first.close();
        drainWithSecondWorker(topic);

        // THEN the records polled but never processed are lost, and the diagnosis names the early commit
        KafkaReport report = KafkaChecks.check(topic.log());
        assertThat(report.anomalies()).extracting(KafkaAnomaly::kind)
                .containsExactly(KafkaAnomalyKind.COMMITTED_BEFORE_PROCESSING);
        KafkaAnomaly lost = report.anomalies().get(0);
        assertThat(lost.partition()).isEqualTo(topic.name() + "-0");
        assertThat(lost.offsets()).startsWith(4L).contains(9L);
        assertThat(lost.toString())
                .contains("group `invoicing`: " + lost.offsets().size() + " records of " + topic.name() + "-0 at offsets 4–")
                .contains("member `worker-1` committed offset 10 of " + topic.name() + "-0")
                .contains("before handling the records it covers")
                .contains("Fix: commit only after processing");
    }

    @Test
    void committingHandledOffsetsLetsTheNextWorkerResumeWhereTheFirstStopped(KafkaTopic topic) {
        // GIVEN the same invoices, and a worker that commits each record after processing it
        send(topic);
        KafkaConsumer<String, String> first = topic.consumer("invoicing", "worker-1", Map.of());
        topic.subscribe(first, "worker-1");

        // WHEN it stops after four invoices and a second worker takes over
        int[] handled = {0};
        Polling.pollUntil(first, record -> {
            if (handled[0] < HANDLED_BEFORE_STOP) {
                CourierKafka.handled(record);
                first.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)));
                handled[0]++;
            }
        }, () -> handled[0] >= HANDLED_BEFORE_STOP);
        first.close();
        drainWithSecondWorker(topic);

        // THEN every invoice was processed exactly once
        KafkaReport report = KafkaChecks.check(topic.log());
        assertThat(report.anomalies()).as(report.describe()).isEmpty();
        assertThat(report.handled()).isEqualTo(RECORDS);
        assertThat(topic.log()).hasNoLostMessages().check();
    }

    private static void send(KafkaTopic topic) {
        List<String> invoices = IntStream.range(0, RECORDS).mapToObj(i -> "invoice-" + i).toList();
        Polling.sendAll(topic.producer("billing-api", Map.of()), topic.name(), "invoices", invoices);
    }

    private static void drainWithSecondWorker(KafkaTopic topic) {
        KafkaConsumer<String, String> second = topic.consumer("invoicing", "worker-2", Map.of());
        topic.subscribe(second, "worker-2");
        Polling.pollUntil(second, record -> {
            CourierKafka.handled(record);
            second.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1)));
        }, () -> Polling.caughtUp(second, topic));
    }
}
