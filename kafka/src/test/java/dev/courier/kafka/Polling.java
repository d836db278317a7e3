package dev.courier.kafka;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** Test helpers: bounded poll loops whose end is decided by recorded facts, never by elapsed time alone. */
final class Polling {

    static final Duration BOUND = Duration.ofSeconds(60);

    private Polling() {
    }

    /** Polls {@code consumer} until {@code done}, failing after {@link #BOUND}. */
    static void pollUntil(KafkaConsumer<String, String> consumer, java.util.function.Consumer<ConsumerRecord<String, String>> handler,
                          BooleanSupplier done) {
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

    /** Whether {@code consumer}'s positions reached the end of every assigned partition of {@code topic}. */
    static boolean caughtUp(KafkaConsumer<String, String> consumer, KafkaTopic topic) {
        List<TopicPartition> partitions = consumer.assignment().stream()
                .filter(p -> p.topic().equals(topic.name())).toList();
        if (partitions.size() < topic.partitions()) {
            return false;
        }
        var ends = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
    }

    /** Sends {@code values} with key {@code key}, waiting for each acknowledgement. */
    static void sendAll(KafkaProducer<String, String> producer, String topic, String key, List<String> values) {
        for (String value : values) {
            try {
                producer.send(new ProducerRecord<>(topic, key, value)).get();
            } catch (Exception e) {
                throw new AssertionError("send of " + value + " failed", e);
            }
        }
    }
}
