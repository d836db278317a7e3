package dev.courier.history.internal;

import dev.courier.history.DeliveryCounts;
import dev.courier.history.DeliveryReport;
import dev.courier.history.DuplicatedMessage;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.LostMessage;
import dev.courier.history.MessageError;
import dev.courier.history.PendingMessage;
import dev.courier.history.UnexpectedMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Classifies every message of a snapshot (ok, lost, duplicated, unexpected, pending, undecoded) in one pass over
 * the {@link MessageFacts} slots, counting per channel and per receiver with primitive counters.
 *
 * <p>Thread contract: a pure function; each call uses its own state.
 */
public final class DeliveryScan {

    private static final int SENT = 0;
    private static final int OK = 1;
    private static final int LOST = 2;
    private static final int DUPLICATED = 3;
    private static final int UNEXPECTED = 4;
    private static final int PENDING = 5;
    private static final int DELIVERIES = 6;
    private static final int UNDECODED = 7;
    private static final int COUNTERS = 8;

    private final MessageFacts facts;
    private final HistorySnapshot snapshot;
    private final LongIntMap channelIds = new LongIntMap(16);
    private final LongIntMap receiverIds = new LongIntMap(16);
    private int[][] channelCounts = new int[16][];
    private int[][] receiverCounts = new int[16][];

    private DeliveryScan(MessageFacts facts) {
        this.facts = facts;
        this.snapshot = facts.snapshot();
    }

    /** The delivery report of the snapshot behind {@code facts}. */
    public static DeliveryReport report(MessageFacts facts) {
        return new DeliveryScan(facts).scan();
    }

    private DeliveryReport scan() {
        List<LostMessage> lost = new ArrayList<>();
        List<DuplicatedMessage> duplicated = new ArrayList<>();
        List<UnexpectedMessage> unexpected = new ArrayList<>();
        List<PendingMessage> pending = new ArrayList<>();
        List<MessageError> undecoded = new ArrayList<>();
        int sentCount = 0;
        int deliveredCount = 0;
        int ok = 0;
        for (int slot = 0, messages = facts.messages(); slot < messages; slot++) {
            int at = facts.describingIndex(slot);
            if (at < 0) {
                continue;
            }
            int sent = facts.sentIndex(slot);
            int deliveries = facts.deliveredCount(slot);
            int drop = facts.droppedIndex(slot);
            deliveredCount += deliveries;
            int outcome;
            if (sent < 0) {
                if (deliveries == 0) {
                    continue;
                }
                outcome = UNEXPECTED;
                unexpected.add(new UnexpectedMessage(facts.id(slot), snapshot.sender(at), snapshot.receiver(at),
                        snapshot.sequence(at), deliveries, facts.deliveredIndex(slot)));
            } else if (deliveries == 1 && facts.messageErrorIndex(slot) >= 0) {
                // DELIVERED was recorded before decoding failed: no listener ever saw the message.
                outcome = UNDECODED;
                int error = facts.messageErrorIndex(slot);
                undecoded.add(new MessageError(facts.id(slot), snapshot.sender(at), snapshot.receiver(error),
                        snapshot.outcome(error), snapshot.detail(error), snapshot.error(error), error));
            } else if (deliveries == 1) {
                outcome = OK;
                ok++;
            } else if (deliveries > 1) {
                outcome = DUPLICATED;
                int first = facts.deliveredIndex(slot);
                duplicated.add(new DuplicatedMessage(facts.id(slot), snapshot.sender(at), snapshot.receiver(first),
                        snapshot.sequence(at), deliveries, first));
            } else if (drop >= 0) {
                outcome = LOST;
                lost.add(new LostMessage(facts.id(slot), snapshot.sender(at), snapshot.receiver(at),
                        snapshot.sequence(at), snapshot.cause(drop), drop, snapshot.error(drop)));
            } else {
                outcome = PENDING;
                pending.add(new PendingMessage(facts.id(slot), snapshot.sender(at), snapshot.receiver(at),
                        snapshot.sequence(at), facts.enqueuedIndex(slot) >= 0, sent));
            }
            if (sent >= 0) {
                sentCount++;
            }
            count(at, outcome, sent >= 0, deliveries);
        }
        return new DeliveryReport(sentCount, deliveredCount, ok, lost, duplicated, unexpected, pending, undecoded,
                counts(channelIds, channelCounts, true), counts(receiverIds, receiverCounts, false),
                DeliveryDiagnoses.of(snapshot, lost, duplicated, unexpected, pending));
    }

    private void count(int at, int outcome, boolean sent, int deliveries) {
        int sender = snapshot.senderId(at);
        int receiver = snapshot.receiverId(at);
        int channel = channelIds.intern(((long) sender << 32) | receiver);
        channelCounts = ensure(channelCounts, channel);
        bump(channelCounts[channel], outcome, sent, deliveries);
        int total = receiverIds.intern(receiver);
        receiverCounts = ensure(receiverCounts, total);
        bump(receiverCounts[total], outcome, sent, deliveries);
    }

    private static int[][] ensure(int[][] table, int index) {
        int[][] grown = index < table.length ? table : Arrays.copyOf(table, table.length * 2);
        if (grown[index] == null) {
            grown[index] = new int[COUNTERS];
        }
        return grown;
    }

    private static void bump(int[] counters, int outcome, boolean sent, int deliveries) {
        counters[outcome]++;
        if (sent) {
            counters[SENT]++;
        }
        counters[DELIVERIES] += deliveries;
    }

    private List<DeliveryCounts> counts(LongIntMap ids, int[][] table, boolean perChannel) {
        List<DeliveryCounts> counts = new ArrayList<>(ids.size());
        for (int index = 0; index < ids.size(); index++) {
            long key = ids.keyAt(index);
            String sender = perChannel ? snapshot.endpointLabel((int) (key >>> 32)) : null;
            String receiver = snapshot.endpointLabel((int) key);
            int[] c = table[index];
            counts.add(new DeliveryCounts(sender, receiver, c[SENT], c[DELIVERIES], c[OK], c[LOST], c[DUPLICATED],
                    c[UNEXPECTED], c[PENDING]));
        }
        return counts;
    }
}
