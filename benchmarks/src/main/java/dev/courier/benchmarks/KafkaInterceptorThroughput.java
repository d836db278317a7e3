package dev.courier.benchmarks;

import dev.courier.history.DeliveryLog;
import dev.courier.kafka.CourierKafka;
import dev.courier.kafka.KafkaCluster;
import dev.courier.kafka.KafkaTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Producer to consumer throughput on one in-process Kafka cluster, with and without Courier's interceptors,
 * in one run: each round sends {@code records} 100-byte records to a fresh topic and polls them all back;
 * plain and instrumented rounds alternate after a warm-up, and the medians are compared. Instrumented rounds
 * also mark every record handled, so they pay for the whole story (SENT, ack, DELIVERED, HANDLED).
 * Not JMH: one round moves tens of thousands of records through a broker, so timer resolution is no issue,
 * and alternating rounds cancel most of the drift of a shared machine.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.courier.benchmarks.KafkaInterceptorThroughput [records] [rounds]}
 */
public final class KafkaInterceptorThroughput {

    private static final String VALUE = "x".repeat(100);

    private KafkaInterceptorThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (KafkaCluster cluster = KafkaCluster.start(Duration.ofSeconds(120))) {
            List<Double> plain = new ArrayList<>();
            List<Double> courier = new ArrayList<>();
            round(cluster, records, false, 0);
            round(cluster, records, true, 0);
            for (int i = 1; i <= rounds; i++) {
                plain.add(round(cluster, records, false, i));
                courier.add(round(cluster, records, true, i));
            }
            double plainMedian = median(plain);
            double courierMedian = median(courier);
            System.out.printf("kafka.plain     %,.0f records/s (rounds %s)%n", plainMedian, plain);
            System.out.printf("kafka.courier   %,.0f records/s (rounds %s)%n", courierMedian, courier);
            System.out.printf("kafka.ratio     %.2f (target >= 0.80)%n", courierMedian / plainMedian);
        }
    }

    private static double round(KafkaCluster cluster, int records, boolean instrumented, int round) throws Exception {
        KafkaTopic topic = cluster.createTopic("throughput-" + (instrumented ? "courier-" : "plain-") + round + "-"
                + System.nanoTime(), 1, Map.of(), DeliveryLog.create());
        try (topic) {
            Properties producerProps = topic.producerProps("bench-producer");
            Properties consumerProps = topic.consumerProps("bench", "bench-consumer");
            consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
            producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            if (!instrumented) {
                producerProps.remove(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG);
                consumerProps.remove(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps);
                 KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
                consumer.subscribe(List.of(topic.name()));
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(50));
                }
                long start = System.nanoTime();
                for (int i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>(topic.name(), "key-" + (i & 63), VALUE));
                }
                producer.flush();
                int received = 0;
                long deadline = start + Duration.ofMinutes(2).toNanos();
                while (received < records) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("only " + received + " of " + records + " records arrived");
                    }
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        if (instrumented) {
                            CourierKafka.handled(record);
                        }
                        received++;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                return Math.round(records / seconds);
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
