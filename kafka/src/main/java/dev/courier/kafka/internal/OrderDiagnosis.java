package dev.courier.kafka.internal;

import dev.courier.kafka.KafkaAnomaly;
import dev.courier.kafka.KafkaAnomalyKind;
import dev.courier.kafka.internal.KafkaHistory.Message;
import dev.courier.kafka.internal.KafkaHistory.Touch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-key and per-partition order of one group's first successful handlings against send order. A record
 * handled after a later-sent record of the same key is a key inversion, explained by its failed or repeated
 * send when there was one; records of one producer in one partition (of different keys) handled out of send
 * order are a partition inversion.
 *
 * <p>Thread contract: a pure function over one {@link KafkaHistory}; each instance is used once.
 */
final class OrderDiagnosis {

    private record Handling(Touch touch, Message message) {
    }

    private final KafkaHistory history;
    private final String group;
    private final Map<String, List<Message[]>> inversions = new LinkedHashMap<>();

    OrderDiagnosis(KafkaHistory history, String group) {
        this.history = history;
        this.group = group;
    }

    List<KafkaAnomaly> anomalies() {
        List<Handling> handlings = new ArrayList<>();
        for (Message message : history.messages.values()) {
            if (message.sent < 0) {
                continue;
            }
            message.handlings.stream().filter(h -> h.ok() && h.group().equals(group)).findFirst()
                    .ifPresent(h -> handlings.add(new Handling(h, message)));
        }
        handlings.sort(Comparator.comparingInt(h -> h.touch().index()));
        Map<Object, Message> latestPerKey = new HashMap<>();
        Map<String, Message> latestPerPartition = new HashMap<>();
        for (Handling handling : handlings) {
            Message message = handling.message();
            if (message.key != null) {
                Message latest = latestPerKey.get(message.key);
                if (latest != null && latest.sent > message.sent) {
                    boolean retried = !message.failures.isEmpty() || !message.resends.isEmpty();
                    note((retried ? KafkaAnomalyKind.KEY_ORDER_AFTER_RETRY : KafkaAnomalyKind.KEY_ORDER) + "|"
                            + message.key, message, latest);
                } else {
                    latestPerKey.put(message.key, message);
                }
            }
            String lane = message.sender + "|" + handling.touch().partition();
            Message latest = latestPerPartition.get(lane);
            if (latest != null && latest.sent > message.sent) {
                if (message.key == null || !Objects.equals(message.key, latest.key)) {
                    note(KafkaAnomalyKind.PARTITION_ORDER + "|" + handling.touch().partition(), message, latest);
                }
            } else {
                latestPerPartition.put(lane, message);
            }
        }
        List<KafkaAnomaly> anomalies = new ArrayList<>();
        inversions.forEach((key, pairs) -> anomalies.add(anomaly(key, pairs)));
        return anomalies;
    }

    private void note(String key, Message late, Message overtaking) {
        inversions.computeIfAbsent(key, k -> new ArrayList<>()).add(new Message[] {late, overtaking});
    }

    private KafkaAnomaly anomaly(String key, List<Message[]> pairs) {
        int bar = key.indexOf('|');
        KafkaAnomalyKind kind = KafkaAnomalyKind.valueOf(key.substring(0, bar));
        String subject = key.substring(bar + 1);
        Message[] first = pairs.get(0);
        List<Long> ids = pairs.stream().map(pair -> pair[0].id).distinct().toList();
        String story = "group `" + group + "` handled message " + first[0].id + " after message " + first[1].id
                + ", which `" + first[0].sender + "` sent later";
        return switch (kind) {
            case KEY_ORDER_AFTER_RETRY -> new KafkaAnomaly(kind, group, null, ids, List.of(), "key `" + subject + "`: "
                    + story + ": message " + first[0].id + "'s send failed (event #" + firstRetryEvent(first[0])
                    + ") and it was sent again after newer records of its key, so the retry landed behind them ("
                    + pairs.size() + " inversions)",
                    "let the producer retry in order: enable.idempotence=true (retries > 0, acks=all, "
                            + "max.in.flight.requests.per.connection <= 5); if the application retries, retry the "
                            + "failed record before sending newer records of its key");
            case KEY_ORDER -> new KafkaAnomaly(kind, group, null, ids, List.of(), "key `" + subject + "`: " + story
                    + " (" + pairs.size() + " inversions)",
                    "send all records of a key with one producer to one partition (keyed records, default "
                            + "partitioner) and handle each partition on one thread in poll order");
            default -> new KafkaAnomaly(kind, group, subject, ids, List.of(), subject + ": " + story
                    + " (" + pairs.size() + " inversions)",
                    "handle each partition's records in poll order on one thread; with retries enable "
                            + "idempotence so the producer keeps send order");
        };
    }

    private static int firstRetryEvent(Message message) {
        return !message.failures.isEmpty() ? message.failures.get(0) : message.resends.get(0);
    }
}
