package dev.courier.kafka;

import dev.courier.kafka.internal.FailFirstAttemptInterceptor;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Fault injection that makes Kafka's delivery bugs reproducible: restart a consumer, force a rebalance,
 * fail a record's first send at the broker.
 *
 * <p>Stopping and starting the broker is not offered: Kafka's test kit (4.3) has no supported restart of a
 * node in place, and a cluster restart would break the cluster every test of the run shares.
 *
 * <p>Thread contract: stateless. Consumer faults must be called on the consumer's own thread, as every
 * {@link KafkaConsumer} call must.
 */
public final class KafkaFaults {

    /** Producer property read by the interceptor {@link #failFirstAttempt} installs: comma-separated record values. */
    public static final String FAIL_FIRST_VALUES = FailFirstAttemptInterceptor.VALUES_CONFIG;

    private KafkaFaults() {
    }

    /**
     * Makes the group rebalance at {@code consumer}'s next poll: with the default eager assignor every
     * partition is revoked and assigned again, and positions restart from the committed offsets.
     */
    public static void forceRebalance(KafkaConsumer<?, ?> consumer) {
        consumer.enforceRebalance("fault injected by Courier");
    }

    /**
     * Closes {@code consumer} as a crash or redeploy would (nothing more is committed unless its own
     * configuration auto-commits) and returns the replacement {@code fresh} builds, which resumes from the
     * group's committed offsets.
     */
    public static <K, V> KafkaConsumer<K, V> restart(KafkaConsumer<K, V> consumer, Supplier<KafkaConsumer<K, V>> fresh) {
        Objects.requireNonNull(fresh, "fresh");
        consumer.close();
        return fresh.get();
    }

    /**
     * Adds the fault's interceptor ({@code dev.courier.kafka.internal.FailFirstAttemptInterceptor}) after
     * Courier's interceptor in {@code producerProps}: the first send of each record whose value is in
     * {@code values} is rejected by the broker as too large, later sends of it go through. Raises {@code max.request.size} so that the producer itself lets the
     * padded attempt reach the broker.
     */
    public static Properties failFirstAttempt(Properties producerProps, String... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("failFirstAttempt needs at least one record value to fail");
        }
        Object interceptors = producerProps.get(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG);
        String chain = (interceptors == null || interceptors.toString().isBlank() ? "" : interceptors + ",")
                + FailFirstAttemptInterceptor.class.getName();
        producerProps.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, chain);
        producerProps.put(FAIL_FIRST_VALUES, String.join(",", values));
        producerProps.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(4 * 1024 * 1024));
        return producerProps;
    }
}
