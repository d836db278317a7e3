package dev.courier.kafka.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Fault injection: the first send of each record whose value is listed in
 * {@value #VALUES_CONFIG} goes to the broker padded beyond the broker's message size limit,
 * so the broker rejects it ({@code RecordTooLargeException}, a real broker response arriving after later
 * sends were accepted); the record's next send goes through unchanged. Install it with
 * {@code KafkaFaults.failFirstAttempt}, after Courier's interceptor. Public only because Kafka instantiates
 * interceptors by class name.
 *
 * <p>Thread contract: thread-safe; Kafka calls {@code onSend} on the sending threads.
 */
public final class FailFirstAttemptInterceptor implements ProducerInterceptor<Object, Object> {

    /** Producer property: comma-separated record values whose first send fails (the public name is in KafkaFaults). */
    public static final String VALUES_CONFIG = "courier.kafka.fault.fail-first-values";

    /** Larger than the broker's default {@code message.max.bytes} (about 1 MiB). */
    static final int PADDING = 3 * 1024 * 1024 / 2;

    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    @Override
    public void configure(Map<String, ?> configs) {
        Object values = configs.get(VALUES_CONFIG);
        if (values == null || values.toString().isBlank()) {
            throw new IllegalStateException("FailFirstAttemptInterceptor needs `" + VALUES_CONFIG
                    + "` (comma-separated record values): install it with KafkaFaults.failFirstAttempt");
        }
        pending.addAll(Set.of(values.toString().split(",")));
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (record.value() == null || !pending.remove(record.value().toString())) {
            return record;
        }
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("courier-fault-padding", new byte[PADDING]);
        return new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), record.key(),
                record.value(), headers);
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // The fault acts at send only.
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
