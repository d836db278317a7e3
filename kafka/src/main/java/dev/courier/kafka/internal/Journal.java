package dev.courier.kafka.internal;

import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import dev.courier.kafka.SentRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Records one test's Kafka traffic into its {@link DeliveryLog} through the log's recorder seam
 * ({@link dev.courier.history.HistoryWriter#record}). Each record gets a message id at send, carried in one small header
 * ({@code courier: <journal>:<id>:<sequence>:<sender>}, the sender as an index into this journal's clients),
 * so every consumer, and {@code CourierKafka.handled(record)}, can name the same message.
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

    static final String HEADER = "courier";

    /** What one message's header says. */
    private record Stamp(long id, long sequence, String sender) {
    }

    private final String key;
    private final DeliveryLog log;
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final List<String> senders = new CopyOnWriteArrayList<>();
    private final Map<Long, String> deliveredBy = new ConcurrentHashMap<>();
    private final Map<String, String> prefixes = new ConcurrentHashMap<>();

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
        Stamp known = stamp(record.headers());
        if (known != null) {
            log.writer().record(EventKind.FACT).about(client)
                    .detail(Facts.format(Facts.RESEND, "id", known.id(), "topic", record.topic())).append();
            return;
        }
        long id = log.writer().nextMessageId();
        long sequence = sequences.computeIfAbsent(client, this::newSender).incrementAndGet();
        record.headers().add(HEADER, (key + ":" + id + ":" + sequence + ":" + senders.indexOf(client))
                .getBytes(StandardCharsets.ISO_8859_1));
        log.writer().record(EventKind.SENT).message(id, sequence).between(client, record.topic())
                .payload(new SentRecord(record.topic(), record.key(), record.value())).append();
    }

    private AtomicLong newSender(String client) {
        senders.add(client);
        return new AtomicLong();
    }

    /** Records the broker's acknowledgement, or the send's failure. */
    public void acknowledged(RecordMetadata metadata, Exception error, Headers headers) {
        Stamp stamp = headers == null ? null : stamp(headers);
        if (stamp == null) {
            return;
        }
        String topic = metadata == null ? null : metadata.topic();
        String partition = metadata == null || metadata.partition() < 0 ? "unknown" : topic + "-" + metadata.partition();
        if (error == null) {
            log.writer().record(EventKind.ENQUEUED).message(stamp.id(), stamp.sequence()).between(stamp.sender(), topic)
                    .detail(prefix(Facts.ACK, partition, "") + metadata.offset()).append();
        } else {
            log.writer().record(EventKind.DROPPED).message(stamp.id(), stamp.sequence()).between(stamp.sender(), topic)
                    .error(error).detail(Facts.format(Facts.SEND_FAILED, "partition", partition, "error",
                            error.getClass().getSimpleName())).append();
        }
    }

    /** Records that {@code member} of {@code group} received {@code record} from a poll. */
    public void delivered(ConsumerRecord<?, ?> record, String group, String member) {
        String partition = record.topic() + "-" + record.partition();
        Stamp stamp = stamp(record.headers());
        long id = stamp == null ? log.writer().nextMessageId() : stamp.id();
        String consumer = group + " " + member;
        deliveredBy.put(id, consumer);
        log.writer().record(EventKind.DELIVERED).message(id, stamp == null ? 0 : stamp.sequence())
                .between(stamp == null ? null : stamp.sender(), group + "/" + partition)
                .detail(prefix(Facts.DELIVERY, partition, consumer) + record.offset()).append();
    }

    /** Records that the application finished with {@code record}: OK, or THREW with {@code error}. */
    public void handled(ConsumerRecord<?, ?> record, Throwable error) {
        String partition = record.topic() + "-" + record.partition();
        Stamp stamp = stamp(record.headers());
        String consumer = stamp == null ? null : deliveredBy.get(stamp.id());
        if (consumer == null) {
            throw new IllegalStateException("record " + partition + "@" + record.offset() + " is marked handled but "
                    + "no Courier consumer interceptor delivered it: build the consumer from KafkaTopic.consumerProps");
        }
        String group = consumer.substring(0, consumer.indexOf(' '));
        log.writer().record(EventKind.HANDLED).message(stamp.id(), stamp.sequence())
                .between(stamp.sender(), group + "/" + partition)
                .outcome(error == null ? Outcome.OK : Outcome.THREW).error(error)
                .detail(prefix(Facts.HANDLED, partition, consumer) + record.offset()).append();
    }

    /** Records a fact about {@code endpoint} (a member or a client). */
    public void fact(String endpoint, String detail) {
        log.writer().record(EventKind.FACT).about(endpoint).detail(detail).append();
    }

    // "<fact> partition=<p> [group=<g> member=<m>] offset=", built once per fact, partition and consumer.
    private String prefix(String fact, String partition, String consumer) {
        return prefixes.computeIfAbsent(fact + " " + partition + " " + consumer, k -> {
            String text = fact + " partition=" + partition;
            if (!consumer.isEmpty()) {
                int space = consumer.indexOf(' ');
                text += " group=" + consumer.substring(0, space) + " member=" + consumer.substring(space + 1);
            }
            return text + " offset=";
        });
    }

    /** The journal key a record consumed from Kafka carries, or null when it was sent without Courier. */
    public static String keyOf(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        if (header == null) {
            return null;
        }
        String text = new String(header.value(), StandardCharsets.ISO_8859_1);
        return text.substring(0, text.indexOf(':'));
    }

    private Stamp stamp(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        if (header == null) {
            return null;
        }
        String[] parts = new String(header.value(), StandardCharsets.ISO_8859_1).split(":");
        if (!parts[0].equals(key)) {
            return null;
        }
        return new Stamp(Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                senders.get(Integer.parseInt(parts[3])));
    }
}
