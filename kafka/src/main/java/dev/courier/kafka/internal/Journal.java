package dev.courier.kafka.internal;

import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import dev.courier.kafka.SentRecord;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Records one test's Kafka traffic into its {@link DeliveryLog} through the log's recorder seam
 * ({@link DeliveryLog#record}). Each record gets a message id at send, carried in its headers together with
 * the sender's sequence number, the sender and this journal's key, so every consumer, and
 * {@code CourierKafka.handled(record)}, can name the same message.
 *
 * <p>Events: SENT (sender = client id, receiver = topic, payload a {@link SentRecord}); ENQUEUED when the
 * broker acknowledged it (detail {@code ack partition=.. offset=..}); DROPPED when the send failed (the
 * exception as error); DELIVERED per consumer (receiver {@code group/topic-partition}); HANDLED when the
 * application says so; FACT for commits, assignments, revocations, re-sends and client closes.
 *
 * <p>Thread contract: thread-safe; producer I/O threads, consumer threads and the test thread record
 * concurrently. Never blocks beyond the log's append lock.
 */
public final class Journal {

    static final String ID = "courier-id";
    static final String SEQUENCE = "courier-seq";
    static final String SENDER = "courier-sender";
    static final String JOURNAL = "courier-journal";

    private final String key;
    private final DeliveryLog log;
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final Map<String, String> lastDelivery = new ConcurrentHashMap<>();

    Journal(String key, DeliveryLog log) {
        this.key = key;
        this.log = log;
    }

    /** The key under which {@link Journals} knows this journal. */
    public String key() {
        return key;
    }

    public DeliveryLog log() {
        return log;
    }

    /** Records the send of {@code record} by {@code client}; a record carrying an id already is a re-send. */
    public void sent(ProducerRecord<?, ?> record, String client) {
        Headers headers = record.headers();
        String known = text(headers, ID);
        if (known != null) {
            log.record(EventKind.FACT).about(client)
                    .detail(Facts.format(Facts.RESEND, "id", known, "topic", record.topic())).append();
            return;
        }
        long id = log.nextMessageId();
        long sequence = sequences.computeIfAbsent(client, c -> new AtomicLong()).incrementAndGet();
        headers.add(ID, bytes(Long.toString(id)));
        headers.add(SEQUENCE, bytes(Long.toString(sequence)));
        headers.add(SENDER, bytes(client));
        headers.add(JOURNAL, bytes(key));
        log.record(EventKind.SENT).message(id, sequence).between(client, record.topic())
                .payload(new SentRecord(record.topic(), record.key(), record.value()))
                .detail(Facts.format(Facts.SEND, "topic", record.topic(), "key", record.key())).append();
    }

    /** Records the broker's acknowledgement, or the send's failure. */
    public void acknowledged(RecordMetadata metadata, Exception error, Headers headers) {
        String id = headers == null ? null : text(headers, ID);
        if (id == null) {
            return;
        }
        long sequence = Long.parseLong(text(headers, SEQUENCE));
        String sender = text(headers, SENDER);
        String topic = metadata == null ? null : metadata.topic();
        String partition = metadata == null || metadata.partition() < 0 ? "unknown" : topic + "-" + metadata.partition();
        if (error == null) {
            log.record(EventKind.ENQUEUED).message(Long.parseLong(id), sequence).between(sender, topic)
                    .detail(Facts.format(Facts.ACK, "partition", partition, "offset", metadata.offset())).append();
        } else {
            log.record(EventKind.DROPPED).message(Long.parseLong(id), sequence).between(sender, topic).error(error)
                    .detail(Facts.format(Facts.SEND_FAILED, "partition", partition, "error",
                            error.getClass().getSimpleName())).append();
        }
    }

    /** Records that {@code member} of {@code group} received {@code record} from a poll. */
    public void delivered(ConsumerRecord<?, ?> record, String group, String member) {
        String partition = record.topic() + "-" + record.partition();
        String id = text(record.headers(), ID);
        long messageId = id == null ? log.nextMessageId() : Long.parseLong(id);
        String sequence = text(record.headers(), SEQUENCE);
        String detail = Facts.format(Facts.DELIVERY, "partition", partition, "offset", record.offset(),
                "group", group, "member", member);
        lastDelivery.put(partition + "@" + record.offset(), group + " " + member);
        log.record(EventKind.DELIVERED).message(messageId, sequence == null ? 0 : Long.parseLong(sequence))
                .between(text(record.headers(), SENDER), group + "/" + partition).detail(detail).append();
    }

    /** Records that the application finished with {@code record}: OK, or THREW with {@code error}. */
    public void handled(ConsumerRecord<?, ?> record, Throwable error) {
        String partition = record.topic() + "-" + record.partition();
        String delivery = lastDelivery.get(partition + "@" + record.offset());
        if (delivery == null) {
            throw new IllegalStateException("record " + partition + "@" + record.offset() + " is marked handled but "
                    + "no Courier consumer interceptor delivered it: build the consumer from KafkaTopic.consumerProps");
        }
        String[] groupAndMember = delivery.split(" ");
        log.record(EventKind.HANDLED)
                .message(Long.parseLong(text(record.headers(), ID)), Long.parseLong(text(record.headers(), SEQUENCE)))
                .between(text(record.headers(), SENDER), groupAndMember[0] + "/" + partition)
                .outcome(error == null ? Outcome.OK : Outcome.THREW).error(error)
                .detail(Facts.format(Facts.HANDLED, "partition", partition, "offset", record.offset(),
                        "group", groupAndMember[0], "member", groupAndMember[1])).append();
    }

    /** Records a fact about {@code endpoint} (a member or a client). */
    public void fact(String endpoint, String detail) {
        log.record(EventKind.FACT).about(endpoint).detail(detail).append();
    }

    /** The journal key a record consumed from Kafka carries, or null when it was sent without Courier. */
    public static String keyOf(Headers headers) {
        return text(headers, JOURNAL);
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
