package dev.courier.kafka;

import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** Test helpers shared by the Kafka tests and samples: bounded poll loops whose end is decided by recorded facts, never by elapsed time alone. */
public final class Polling {

    public static final Duration BOUND = Duration.ofSeconds(60);

    private Polling() {
    }

    /** Polls {@code consumer} until {@code done}, failing after {@link #BOUND}. */
    public static void pollUntil(KafkaConsumer<String, String> consumer,
                                 Consumer<ConsumerRecord<String, String>> handler, BooleanSupplier done) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the consumer did not reach its goal within " + BOUND.toSeconds() + " s");
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                handler.accept(record);
            }
        }
    }

    /** Polls {@code consumer} until {@code done}, handing each poll's batch to {@code handler}; fails after {@link #BOUND}. */
    public static void pollBatchesUntil(KafkaConsumer<String, String> consumer,
                                        Consumer<ConsumerRecords<String, String>> handler, BooleanSupplier done) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the consumer did not reach its goal within " + BOUND.toSeconds() + " s");
            }
            handler.accept(consumer.poll(Duration.ofMillis(100)));
        }
    }

    /** Whether {@code consumer}'s positions reached the end of every assigned partition of {@code topic}. */
    public static boolean caughtUp(KafkaConsumer<String, String> consumer, KafkaTopic topic) {
        List<TopicPartition> partitions = consumer.assignment().stream()
                .filter(p -> p.topic().equals(topic.name())).toList();
        if (partitions.size() < topic.partitions()) {
            return false;
        }
        var ends = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
    }

    /** How many FACT events of {@code log} start with {@code prefix}. */
    public static long facts(DeliveryLog log, String prefix) {
        return log.select().kind(EventKind.FACT).list().stream().filter(e -> e.detail().startsWith(prefix)).count();
    }

    /**
     * Sends {@code record} and waits for its result, sending it again when it failed (at most three attempts):
     * a failed record is retried before anything newer is sent.
     */
    public static void sendRetryingInPlace(KafkaProducer<String, String> producer, ProducerRecord<String, String> record)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                producer.send(record).get();
                return;
            } catch (ExecutionException failed) {
                if (attempt == 3) {
                    throw new AssertionError("sending " + record.value() + " failed " + attempt + " times", failed);
                }
            }
        }
    }

    /** Consumes the whole topic as {@code member} of {@code group}, marking every record handled. */
    public static void consumeAll(KafkaTopic topic, String group, String member) {
        KafkaConsumer<String, String> consumer = topic.consumer(group, member, Map.of());
        topic.subscribe(consumer, member);
        pollUntil(consumer, CourierKafka::handled, () -> caughtUp(consumer, topic));
    }

    /** Sends {@code values} with key {@code key}, waiting for each acknowledgement. */
    public static void sendAll(KafkaProducer<String, String> producer, String topic, String key, List<String> values) {
        for (String value : values) {
            try {
                producer.send(new ProducerRecord<>(topic, key, value)).get();
            } catch (Exception e) {
                throw new AssertionError("send of " + value + " failed", e);
            }
        }
    }
}
