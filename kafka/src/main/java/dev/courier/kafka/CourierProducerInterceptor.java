package dev.courier.kafka;

import dev.courier.kafka.internal.Facts;
import dev.courier.kafka.internal.Journal;
import dev.courier.kafka.internal.Journals;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;

/**
 * Records every send of a producer into the test's history: configure it by class name in
 * {@code interceptor.classes}, as {@link KafkaTopic#producerProps(String)} does. {@code onSend} records
 * SENT and puts the message id in the record's headers; {@code onAcknowledgement} records the broker's
 * acknowledgement or the send's failure with its exception.
 *
 * <p>Thread contract: Kafka calls {@code onSend} on the sending threads and {@code onAcknowledgement} on the
 * producer's I/O thread; both only append to the thread-safe journal.
 */
public final class CourierProducerInterceptor implements ProducerInterceptor<Object, Object> {

    private Journal journal;
    private String client;

    @Override
    public void configure(Map<String, ?> configs) {
        Object id = configs.get(ProducerConfig.CLIENT_ID_CONFIG);
        client = id == null || id.toString().isEmpty() ? "producer" : id.toString();
        journal = Journals.fromConfig(configs, "producer `" + client + "`");
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        journal.sent(record, client);
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // Without headers the record cannot be named; Kafka calls the three-argument form.
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception, Headers headers) {
        journal.acknowledged(metadata, exception, headers);
    }

    @Override
    public void close() {
        journal.fact(client, Facts.format(Facts.PRODUCER_CLOSED, "client", client));
    }
}
