package dev.courier.kafka.internal;

import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.Outcome;
import dev.courier.kafka.SentRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kafka facts of one snapshot, gathered in one pass: each record's send, acknowledgements, failures,
 * deliveries and handlings, and each group's commits, revocations and closes. Built by {@link #of} and read
 * by {@link KafkaDiagnoses}.
 *
 * <p>Thread contract: built and read by one checker call; not shared.
 */
final class KafkaHistory {

    /** Where a record was delivered or handled. */
    record Touch(int index, String group, String member, String partition, long offset, boolean ok) {
    }

    /** A fact about a group member: a commit, revocation, assignment or close. */
    record GroupFact(int index, String name, String member, String partition, long offset, List<String> partitions) {
    }

    /** Everything recorded about one record. */
    static final class Message {
        final long id;
        int sent = -1;
        String sender;
        Object key;
        final List<Integer> failures = new ArrayList<>();
        final List<Integer> resends = new ArrayList<>();
        final Map<Long, String> ackedAt = new LinkedHashMap<>();
        int lastAck = -1;
        final List<Touch> deliveries = new ArrayList<>();
        final List<Touch> handlings = new ArrayList<>();

        Message(long id) {
            this.id = id;
        }
    }

    final HistorySnapshot snapshot;
    final Map<Long, Message> messages = new LinkedHashMap<>();
    final Map<String, List<GroupFact>> groupFacts = new HashMap<>();
    final List<String> groups = new ArrayList<>();

    private KafkaHistory(HistorySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    static KafkaHistory of(HistorySnapshot snapshot) {
        KafkaHistory history = new KafkaHistory(snapshot);
        for (int index = 0, size = snapshot.size(); index < size; index++) {
            history.note(index);
        }
        return history;
    }

    private void note(int index) {
        EventKind kind = snapshot.kind(index);
        String detail = snapshot.detail(index);
        String name = Facts.name(detail);
        if (name == null && kind != EventKind.SENT && kind != EventKind.DROPPED) {
            return;
        }
        Map<String, String> fields = Facts.fields(detail);
        switch (kind) {
            case SENT -> {
                Message message = message(snapshot.messageId(index));
                message.sent = index;
                message.sender = snapshot.sender(index);
                Object payload = snapshot.payload(index);
                message.key = payload instanceof SentRecord record ? record.key() : null;
            }
            case ENQUEUED -> {
                Message message = message(snapshot.messageId(index));
                message.ackedAt.put(Long.parseLong(fields.get("offset")), fields.get("partition"));
                message.lastAck = index;
            }
            case DROPPED -> message(snapshot.messageId(index)).failures.add(index);
            case DELIVERED -> message(snapshot.messageId(index)).deliveries.add(touch(index, fields, true));
            case HANDLED -> message(snapshot.messageId(index)).handlings.add(
                    touch(index, fields, snapshot.outcome(index) == Outcome.OK));
            case FACT -> fact(index, name, fields);
            default -> {
                // Other kinds carry no Kafka facts.
            }
        }
    }

    private void fact(int index, String name, Map<String, String> fields) {
        if (Facts.RESEND.equals(name)) {
            message(Long.parseLong(fields.get("id"))).resends.add(index);
            return;
        }
        String group = fields.get("group");
        if (group == null) {
            return;
        }
        String partitions = fields.getOrDefault("partitions", "-");
        List<String> list = partitions.equals("-") ? List.of() : List.of(partitions.split(","));
        String offset = fields.get("offset");
        groupFacts.computeIfAbsent(group, g -> new ArrayList<>()).add(new GroupFact(index, name, fields.get("member"),
                fields.get("partition"), offset == null ? -1 : Long.parseLong(offset), list));
    }

    private Touch touch(int index, Map<String, String> fields, boolean ok) {
        String group = fields.get("group");
        if (!groups.contains(group)) {
            groups.add(group);
        }
        return new Touch(index, group, fields.get("member"), fields.get("partition"),
                Long.parseLong(fields.get("offset")), ok);
    }

    private Message message(long id) {
        return messages.computeIfAbsent(id, Message::new);
    }

    /** The facts of {@code group}, in log order. */
    List<GroupFact> facts(String group) {
        return groupFacts.getOrDefault(group, List.of());
    }

    /** The first commit by {@code group} for {@code partition} after {@code from} whose offset passes {@code offset}. */
    GroupFact commitPast(String group, String partition, long offset, int from) {
        for (GroupFact fact : facts(group)) {
            if (fact.index() > from && Facts.COMMIT.equals(fact.name()) && partition.equals(fact.partition())
                    && fact.offset() > offset) {
                return fact;
            }
        }
        return null;
    }

    /** The last commit by {@code group} for {@code partition} before {@code before}, or null. */
    GroupFact lastCommit(String group, String partition, int before) {
        GroupFact last = null;
        for (GroupFact fact : facts(group)) {
            if (fact.index() < before && Facts.COMMIT.equals(fact.name()) && partition.equals(fact.partition())) {
                last = fact;
            }
        }
        return last;
    }

    /** The first fact named {@code name} about {@code member} (and {@code partition}, when a list) between two indexes. */
    GroupFact between(String group, String name, String member, String partition, int after, int before) {
        for (GroupFact fact : facts(group)) {
            if (fact.index() > after && fact.index() < before && name.equals(fact.name()) && member.equals(fact.member())
                    && (!Facts.REVOKED.equals(name) || fact.partitions().contains(partition))) {
                return fact;
            }
        }
        return null;
    }
}
