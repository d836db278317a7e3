package dev.courier.kafka.internal;

import dev.courier.history.HistorySnapshot;
import dev.courier.kafka.KafkaAnomaly;
import dev.courier.kafka.KafkaAnomalyKind;
import dev.courier.kafka.KafkaReport;
import dev.courier.kafka.internal.KafkaHistory.GroupFact;
import dev.courier.kafka.internal.KafkaHistory.Message;
import dev.courier.kafka.internal.KafkaHistory.Touch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka's causes of loss, duplication and reordering, read from the facts Courier's interceptors record.
 * Lost and duplicated records are grouped per cause, group and partition, so one anomaly names a partition
 * and all its offsets.
 *
 * <p>Thread contract: a pure function; each call uses its own state.
 */
public final class KafkaDiagnoses {

    private final KafkaHistory history;
    private final Map<String, Finding> findings = new LinkedHashMap<>();

    private KafkaDiagnoses(KafkaHistory history) {
        this.history = history;
    }

    /** The Kafka report of {@code snapshot}. */
    public static KafkaReport report(HistorySnapshot snapshot) {
        KafkaDiagnoses diagnoses = new KafkaDiagnoses(KafkaHistory.of(snapshot));
        return diagnoses.run();
    }

    private KafkaReport run() {
        int sent = 0;
        int handled = 0;
        for (Message message : history.messages.values()) {
            if (message.sent < 0) {
                continue;
            }
            sent++;
            handled += (int) message.handlings.stream().filter(Touch::ok).count();
            if (history.groups.isEmpty()) {
                producerSide(message, null);
            }
            for (String group : history.groups) {
                perGroup(message, group);
            }
        }
        List<KafkaAnomaly> anomalies = new ArrayList<>();
        findings.values().forEach(finding -> anomalies.add(finding.anomaly()));
        for (String group : history.groups) {
            anomalies.addAll(new OrderDiagnosis(history, group).anomalies());
        }
        return new KafkaReport(sent, handled, anomalies);
    }

    private void perGroup(Message message, String group) {
        List<Touch> ok = message.handlings.stream().filter(h -> h.ok() && h.group().equals(group)).toList();
        if (ok.size() > 1) {
            duplicated(message, group, ok);
            return;
        }
        if (!ok.isEmpty()) {
            return;
        }
        List<Touch> delivered = message.deliveries.stream().filter(d -> d.group().equals(group)).toList();
        if (delivered.isEmpty()) {
            producerSide(message, group);
            return;
        }
        Touch last = delivered.get(delivered.size() - 1);
        GroupFact commit = history.commitPast(group, last.partition(), last.offset(), last.index());
        if (commit != null) {
            add(KafkaAnomalyKind.COMMITTED_BEFORE_PROCESSING, group, last.partition(), message, last.offset(),
                    "member `" + commit.member() + "` committed offset " + commit.offset() + " of " + last.partition()
                            + " (event #" + commit.index() + ") before handling the records it covers; delivered to `"
                            + last.member() + "` but never handled",
                    "commit only after processing: handle each record, then commitSync the offsets of the handled "
                            + "records (with enable.auto.commit=false), never right after poll()");
        } else {
            add(KafkaAnomalyKind.DELIVERED_NOT_HANDLED, group, last.partition(), message, last.offset(),
                    "delivered to `" + last.member() + "` but never handled, and not committed: nothing has "
                            + "redelivered them yet",
                    "handle every polled record (or let a restarted consumer of the group pick them up) and mark "
                            + "it with CourierKafka.handled");
        }
    }

    private void producerSide(Message message, String group) {
        boolean acked = message.lastAck >= 0;
        int lastFailure = message.failures.isEmpty() ? -1 : message.failures.get(message.failures.size() - 1);
        HistorySnapshot snapshot = history.snapshot;
        if (lastFailure > message.lastAck) {
            Throwable error = snapshot.error(lastFailure);
            String text = error == null ? "unknown error" : error.getClass().getSimpleName() + ": " + error.getMessage();
            boolean forcedClose = error != null && String.valueOf(error.getMessage()).contains("closed forcefully");
            if (forcedClose) {
                add(KafkaAnomalyKind.PRODUCER_CLOSED_WITHOUT_FLUSH, null, null, message, -1,
                        "producer `" + message.sender + "` was closed before these records were sent (" + text + ")",
                        "call producer.flush() before close, and close with a timeout long enough to send what is "
                                + "buffered (close() without a timeout waits for it)");
            } else {
                add(KafkaAnomalyKind.SEND_FAILED_IGNORED, null, null, message, -1,
                        "the send by `" + message.sender + "` failed (" + text + ", event #" + lastFailure
                                + ") and the record was never sent again: nobody looked at the send's result",
                        "check every send's result: pass a Callback or wait on the Future, and retry or surface "
                                + "the failure instead of fire-and-forget");
            }
        } else if (acked && group != null) {
            Map.Entry<Long, String> at = message.ackedAt.entrySet().iterator().next();
            add(KafkaAnomalyKind.NOT_CONSUMED, group, at.getValue(), message, at.getKey(),
                    "acknowledged by the broker but group `" + group + "` never received them",
                    "keep the group polling until its position reaches the end offsets, and check it is "
                            + "subscribed to the topic");
        } else if (!acked) {
            add(KafkaAnomalyKind.NOT_ACKNOWLEDGED, null, null, message, -1,
                    "sent by `" + message.sender + "` but neither acknowledged nor failed",
                    "flush the producer (or wait on each send's Future) before checking");
        }
    }

    private void duplicated(Message message, String group, List<Touch> ok) {
        if (message.ackedAt.size() > 1) {
            Map.Entry<Long, String> at = message.ackedAt.entrySet().iterator().next();
            add(KafkaAnomalyKind.PRODUCER_RETRY_DUPLICATE, group, at.getValue(), message, at.getKey(),
                    "written at offsets " + message.ackedAt.keySet() + " because the producer sent them again "
                            + "without idempotence",
                    "set enable.idempotence=true (with acks=all) so the broker drops the retried copy; do not "
                            + "re-send a record whose send may have succeeded");
            return;
        }
        Touch first = ok.get(0);
        Touch again = ok.get(1);
        int redelivery = message.deliveries.stream().filter(d -> d.group().equals(group) && d.index() > first.index())
                .mapToInt(Touch::index).findFirst().orElse(again.index());
        GroupFact commit = history.lastCommit(group, first.partition(), redelivery);
        String committed = commit == null ? "no offset of " + first.partition() + " was committed"
                : "the last commit of " + first.partition() + " was offset " + commit.offset();
        GroupFact revoked = history.between(group, Facts.REVOKED, first.member(), first.partition(), first.index(),
                redelivery);
        GroupFact closed = history.between(group, Facts.CONSUMER_CLOSED, first.member(), null, first.index(),
                redelivery);
        if (closed != null) {
            add(KafkaAnomalyKind.REDELIVERED_AFTER_RESTART, group, first.partition(), message, first.offset(),
                    "consumer `" + first.member() + "` closed (event #" + closed.index() + ") without committing "
                            + "these handled offsets (" + committed + "), so `" + again.member()
                            + "` received them again and handled them twice",
                    "commitSync the handled offsets before closing the consumer (on shutdown, in a finally block)");
        } else if (revoked != null) {
            add(KafkaAnomalyKind.REDELIVERED_AFTER_REBALANCE, group, first.partition(), message, first.offset(),
                    first.partition() + " was revoked from `" + first.member() + "` in a rebalance (event #"
                            + revoked.index() + ") while these offsets were handled but uncommitted (" + committed
                            + "), so they were delivered again to `" + again.member() + "` and handled twice",
                    "commit the handled offsets in ConsumerRebalanceListener.onPartitionsRevoked (commitSync), or "
                            + "commit after each handled record; make handling idempotent");
        } else {
            add(KafkaAnomalyKind.REDELIVERED, group, first.partition(), message, first.offset(),
                    "handled twice at the same offset (" + committed + ")",
                    "do not seek back over handled records; commit what was handled");
        }
    }

    private void add(KafkaAnomalyKind kind, String group, String partition, Message message, long offset,
                     String explanation, String fix) {
        String key = kind + "|" + group + "|" + partition + "|" + explanation.replaceAll("#\\d+", "");
        Finding finding = findings.computeIfAbsent(key, k -> new Finding(kind, group, partition, explanation, fix));
        finding.ids.add(message.id);
        if (offset >= 0) {
            finding.offsets.add(offset);
        }
    }

    /** One anomaly being gathered: the records of one cause, group and partition. */
    private static final class Finding {
        final KafkaAnomalyKind kind;
        final String group;
        final String partition;
        final String explanation;
        final String fix;
        final List<Long> ids = new ArrayList<>();
        final List<Long> offsets = new ArrayList<>();

        Finding(KafkaAnomalyKind kind, String group, String partition, String explanation, String fix) {
            this.kind = kind;
            this.group = group;
            this.partition = partition;
            this.explanation = explanation;
            this.fix = fix;
        }

        KafkaAnomaly anomaly() {
            String where = (group == null ? "" : "group `" + group + "`: ")
                    + Texts.records(ids.size()) + (partition == null ? "" : " of " + partition)
                    + (offsets.isEmpty() ? "" : " at offsets " + Texts.ranges(offsets));
            return new KafkaAnomaly(kind, group, partition, ids, offsets, where + " (message ids " + ids + "): "
                    + explanation, fix);
        }
    }
}
