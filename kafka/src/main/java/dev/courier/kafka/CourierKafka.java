package dev.courier.kafka;

import dev.courier.kafka.internal.Journal;
import dev.courier.kafka.internal.Journals;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the application tells Courier: that it finished with a record ({@link #handled}) — delivered
 * (a poll returned it) and handled (the application processed it) are distinct facts, and only handled
 * records may be committed safely.
 *
 * <p>Thread contract: stateless and thread-safe; call it from the consumer's thread or a worker thread.
 */
public final class CourierKafka {

    private CourierKafka() {
    }

    /** Records that {@code record} was processed successfully. */
    public static void handled(ConsumerRecord<?, ?> record) {
        journal(record).handled(record, null);
    }

    /** Records that processing {@code record} threw {@code error}. */
    public static void failed(ConsumerRecord<?, ?> record, Throwable error) {
        journal(record).handled(record, error);
    }

    /** The key of a {@link SentRecord} payload, for {@code isInSendOrderPerKey(CourierKafka.recordKey())}. */
    public static Function<Object, ?> recordKey() {
        return payload -> ((SentRecord) payload).key();
    }

    private static Journal journal(ConsumerRecord<?, ?> record) {
        String key = Journal.keyOf(record.headers());
        if (key == null) {
            throw new IllegalArgumentException("record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " carries no Courier headers: it was sent by a producer without "
                    + "CourierProducerInterceptor (build producers from KafkaTopic.producerProps)");
        }
        return Journals.find(key, "record " + record.topic() + "-" + record.partition() + "@" + record.offset());
    }
}
