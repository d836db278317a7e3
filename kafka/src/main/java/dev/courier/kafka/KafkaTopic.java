package dev.courier.kafka;

import dev.courier.history.DeliveryLog;
import dev.courier.kafka.internal.Facts;
import dev.courier.kafka.internal.Journal;
import dev.courier.kafka.internal.Journals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A fresh topic for one test, with the {@link DeliveryLog} its Courier-instrumented clients record into.
 * Build clients from {@link #producerProps} and {@link #consumerProps} (they add Courier's interceptors, by
 * class name, and the key of this test's journal), or let {@link #producer} and {@link #consumer} build them;
 * clients built here are closed when the test ends.
 *
 * <p>Thread contract: thread-safe. The clients it builds follow Kafka's own contracts (a producer is
 * thread-safe, a consumer belongs to one thread).
 */
public final class KafkaTopic implements AutoCloseable {

    private final String bootstrapServers;
    private final String name;
    private final int partitions;
    private final Journal journal;
    private final List<AutoCloseable> clients = new ArrayList<>();

    KafkaTopic(String bootstrapServers, String name, int partitions, DeliveryLog log) {
        this.bootstrapServers = bootstrapServers;
        this.name = name;
        this.partitions = partitions;
        this.journal = Journals.open(log);
    }

    public String name() {
        return name;
    }

    public int partitions() {
        return partitions;
    }

    /** The history every Courier-instrumented client of this topic records into. */
    public DeliveryLog log() {
        return journal.log();
    }

    /** Producer properties: bootstrap servers, client id, string serializers and Courier's interceptor. */
    public Properties producerProps(String clientId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, Objects.requireNonNull(clientId, "clientId"));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, CourierProducerInterceptor.class.getName());
        props.put(Journals.CONFIG_KEY, journal.key());
        return props;
    }

    /**
     * Consumer properties: bootstrap servers, group and client id, string deserializers, Courier's interceptor,
     * {@code auto.offset.reset=earliest} and {@code enable.auto.commit=false} (tests commit explicitly; put
     * {@code true} back to test auto-commit).
     */
    public Properties consumerProps(String group, String clientId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, Objects.requireNonNull(group, "group"));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, Objects.requireNonNull(clientId, "clientId"));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, CourierConsumerInterceptor.class.getName());
        props.put(Journals.CONFIG_KEY, journal.key());
        return props;
    }

    /** A producer from {@link #producerProps} with {@code overrides} applied, closed after the test. */
    public KafkaProducer<String, String> producer(String clientId, Map<String, ?> overrides) {
        Properties props = producerProps(clientId);
        props.putAll(overrides);
        return track(new KafkaProducer<>(props));
    }

    /** A producer from {@code props} (start from {@link #producerProps}), closed after the test. */
    public KafkaProducer<String, String> producer(Properties props) {
        return track(new KafkaProducer<>(props));
    }

    /** A consumer from {@link #consumerProps} with {@code overrides} applied, closed after the test. */
    public KafkaConsumer<String, String> consumer(String group, String clientId, Map<String, ?> overrides) {
        Properties props = consumerProps(group, clientId);
        props.putAll(overrides);
        return track(new KafkaConsumer<>(props));
    }

    /**
     * Subscribes {@code consumer} (built from {@link #consumerProps}) to this topic with a rebalance listener
     * that records each revocation and assignment as a fact, then calls {@code delegate}.
     */
    public void subscribe(KafkaConsumer<?, ?> consumer, String clientId, ConsumerRebalanceListener delegate) {
        Objects.requireNonNull(delegate, "delegate");
        consumer.subscribe(List.of(name), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                record(Facts.REVOKED, revoked);
                delegate.onPartitionsRevoked(revoked);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
                record(Facts.ASSIGNED, assigned);
                delegate.onPartitionsAssigned(assigned);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> lost) {
                record(Facts.REVOKED, lost);
                delegate.onPartitionsLost(lost);
            }

            private void record(String fact, Collection<TopicPartition> partitions) {
                String list = partitions.isEmpty() ? "-"
                        : partitions.stream().map(TopicPartition::toString).sorted().collect(Collectors.joining(","));
                journal.fact(clientId, Facts.format(fact, "group", consumer.groupMetadata().groupId(),
                        "member", clientId, "partitions", list));
            }
        });
    }

    /** Subscribes {@code consumer} with a recording rebalance listener and no listener of its own. */
    public void subscribe(KafkaConsumer<?, ?> consumer, String clientId) {
        subscribe(consumer, clientId, new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Nothing to do: the recording wrapper records the revocation.
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // Nothing to do: the recording wrapper records the assignment.
            }
        });
    }

    private <C extends AutoCloseable> C track(C client) {
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    /** Closes the clients built here and forgets the journal; the topic itself stays until the cluster stops. */
    @Override
    public void close() throws Exception {
        List<AutoCloseable> open;
        synchronized (clients) {
            open = new ArrayList<>(clients);
            clients.clear();
        }
        Exception first = null;
        for (AutoCloseable client : open) {
            try {
                if (client instanceof KafkaProducer<?, ?> producer) {
                    producer.close(Duration.ofSeconds(10));
                } else if (client instanceof KafkaConsumer<?, ?> consumer) {
                    consumer.close(Duration.ofSeconds(10));
                } else {
                    client.close();
                }
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        Journals.close(journal.key());
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "KafkaTopic[" + name + ", " + partitions + " partitions]";
    }
}
