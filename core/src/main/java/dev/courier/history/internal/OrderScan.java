package dev.courier.history.internal;

import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.MessageRef;
import dev.courier.history.OrderInversion;
import dev.courier.history.OrderReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Checks delivery order in one pass over the DELIVERED events. Per-sender FIFO keeps the last
 * delivered sequence number per sender to receiver pair. Cross-sender order is compared per delivering
 * owner ({@link DeliveringOwners}: a receiver, or the worker its port was transferred into), so messages
 * that reach one worker through several transferred ports are compared with each other. It keeps, per
 * owner, the latest send index delivered so far and the latest among other senders than that one's, so
 * each delivery is compared with the latest earlier-delivered message of a different sender in O(1).
 * Deliveries to a receiver with competing consumers (two or more CONSUMER_STARTED) are judged by key only.
 *
 * <p>Thread contract: a pure function; each call uses its own state.
 */
public final class OrderScan {

    private final MessageFacts facts;
    private final HistorySnapshot snapshot;
    private final DeliveringOwners owners;
    private final Set<String> ownersWithFifoViolations = new HashSet<>();
    private final LongIntMap channels = new LongIntMap(16);
    private long[] lastSequence = new long[16];
    private int[] lastDelivery = new int[16];
    private final int[] topSend;
    private final int[] topSender;
    private final int[] topDelivery;
    private final int[] otherSend;
    private final int[] otherDelivery;
    private final Inversions perSender;
    private final Inversions global;
    private final Inversions perKey;
    /** CONSUMER_STARTED events per receiver id so far: two or more mean competing consumers. */
    private final int[] consumers;

    private OrderScan(MessageFacts facts) {
        this.facts = facts;
        this.snapshot = facts.snapshot();
        this.owners = new DeliveringOwners(snapshot);
        int receivers = snapshot.endpointIdBound();
        int ownerBound = owners.bound();
        topSend = filled(ownerBound);
        topSender = new int[ownerBound];
        topDelivery = new int[ownerBound];
        otherSend = filled(ownerBound);
        otherDelivery = new int[ownerBound];
        perSender = new Inversions(receivers, snapshot::endpointLabel);
        global = new Inversions(ownerBound, owners::label);
        perKey = new Inversions(receivers, snapshot::endpointLabel);
        consumers = new int[receivers];
    }

    private static int[] filled(int length) {
        int[] values = new int[length];
        Arrays.fill(values, -1);
        return values;
    }

    /** The order report of the snapshot behind {@code facts}; {@code key} may be null (no per-key check). */
    public static OrderReport report(MessageFacts facts, Function<Object, ?> key) {
        return new OrderScan(facts).scan(key);
    }

    private OrderReport scan(Function<Object, ?> key) {
        Map<Object, int[]> keys = key == null ? null : new HashMap<>();
        for (int index = 0, size = snapshot.size(); index < size; index++) {
            EventKind kind = snapshot.kind(index);
            if (kind == EventKind.PORT_TRANSFERRED) {
                owners.transferred(index);
            }
            if (kind == EventKind.CONSUMER_STARTED) {
                consumers[snapshot.receiverId(index)]++;
            }
            if (kind != EventKind.DELIVERED) {
                continue;
            }
            // Competing consumers record their deliveries in whatever order their threads get to the log:
            // that order is not the queue's, so FIFO and cross-sender order are not judged from it.
            boolean competing = consumers[snapshot.receiverId(index)] >= 2;
            if (!competing) {
                checkSender(index);
            }
            int sent = facts.sentIndex(facts.slotOf(snapshot.messageId(index)));
            if (sent >= 0) {
                if (!competing) {
                    checkGlobal(index, sent);
                }
                if (keys != null) {
                    checkKey(index, sent, key, keys);
                }
            }
        }
        List<OrderInversion> senderCases = perSender.materialize();
        List<OrderInversion> globalCases = global.materialize();
        List<OrderInversion> keyCases = perKey.materialize();
        OrderDiagnoses diagnoses = new OrderDiagnoses(perSender.totals(), CallerRunsFacts.of(snapshot));
        diagnoses.perSender(senderCases);
        diagnoses.crossSender(globalCases, global.totals(), ownersWithFifoViolations);
        diagnoses.perKey(keyCases, perKey.totals(), competingConsumers());
        return new OrderReport(senderCases, perSender.total, globalCases, global.total, keyCases, perKey.total,
                diagnoses.anomalies());
    }

    // Receiver label to its number of consumer threads, for the receivers with two or more.
    private Map<String, Integer> competingConsumers() {
        Map<String, Integer> competing = new HashMap<>();
        for (int id = 0; id < consumers.length; id++) {
            if (consumers[id] >= 2) {
                competing.put(snapshot.endpointLabel(id), consumers[id]);
            }
        }
        return competing;
    }

    private void checkSender(int index) {
        int known = channels.size();
        int channel = channels.intern(((long) snapshot.senderId(index) << 32) | snapshot.receiverId(index));
        if (channel == lastSequence.length) {
            lastSequence = Arrays.copyOf(lastSequence, channel * 2);
            lastDelivery = Arrays.copyOf(lastDelivery, channel * 2);
        }
        long sequence = snapshot.sequence(index);
        if (channel < known && sequence < lastSequence[channel]) {
            perSender.add(lastDelivery[channel], index, null, snapshot.receiverId(index));
            ownersWithFifoViolations.add(owners.label(owners.ownerOf(snapshot.receiverId(index))));
            return;
        }
        lastSequence[channel] = sequence;
        lastDelivery[channel] = index;
    }

    private void checkGlobal(int index, int sent) {
        int receiver = owners.ownerOf(snapshot.receiverId(index));
        int sender = snapshot.senderId(index);
        boolean topIsOther = topSender[receiver] != sender;
        int laterSend = topIsOther ? topSend[receiver] : otherSend[receiver];
        if (laterSend > sent) {
            global.add(topIsOther ? topDelivery[receiver] : otherDelivery[receiver], index, null, receiver);
        }
        if (sent > topSend[receiver]) {
            if (topIsOther) {
                otherSend[receiver] = topSend[receiver];
                otherDelivery[receiver] = topDelivery[receiver];
            }
            topSend[receiver] = sent;
            topSender[receiver] = sender;
            topDelivery[receiver] = index;
        } else if (topIsOther && sent > otherSend[receiver]) {
            otherSend[receiver] = sent;
            otherDelivery[receiver] = index;
        }
    }

    private void checkKey(int index, int sent, Function<Object, ?> key, Map<Object, int[]> keys) {
        Object payload = snapshot.payload(sent);
        if (payload == null) {
            payload = snapshot.payload(index);
        }
        if (payload == null) {
            throw new IllegalStateException("per-key order needs retained payloads, but message "
                    + snapshot.messageId(index) + " (`" + snapshot.sender(index) + "` -> `" + snapshot.receiver(index)
                    + "`, seq " + snapshot.sequence(index) + ") has no payload on its SENT (event " + sent
                    + ") or DELIVERED (event " + index + ") event: turn payload retention on");
        }
        Object value = key.apply(payload);
        int[] latest = keys.get(value);
        if (latest == null) {
            keys.put(value, new int[] {sent, index});
        } else if (sent < latest[0]) {
            perKey.add(latest[1], index, String.valueOf(value), snapshot.receiverId(index));
        } else {
            latest[0] = sent;
            latest[1] = index;
        }
    }

    /**
     * The first {@link OrderReport#KEPT} inversions as event index pairs with the receiver they count for
     * (an endpoint id, or an owner id for cross-sender cases), the total and totals per receiver.
     */
    private final class Inversions {
        private final List<int[]> kept = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();
        private final long[] perReceiver;
        private final IntFunction<String> labels;
        private final List<Integer> receiverOrder = new ArrayList<>();
        private long total;

        Inversions(int receivers, IntFunction<String> labels) {
            this.perReceiver = new long[receivers];
            this.labels = labels;
        }

        void add(int firstDelivery, int laterDelivery, String key, int receiver) {
            if (kept.size() < OrderReport.KEPT) {
                kept.add(new int[] {firstDelivery, laterDelivery, receiver});
                keys.add(key);
            }
            if (perReceiver[receiver]++ == 0) {
                receiverOrder.add(receiver);
            }
            total++;
        }

        List<OrderInversion> materialize() {
            List<OrderInversion> inversions = new ArrayList<>(kept.size());
            for (int i = 0; i < kept.size(); i++) {
                int[] pair = kept.get(i);
                inversions.add(new OrderInversion(labels.apply(pair[2]), keys.get(i), ref(pair[0]), ref(pair[1])));
            }
            return inversions;
        }

        /** Per receiver, in order of its first case: label and count. */
        Map<String, Long> totals() {
            Map<String, Long> totals = new LinkedHashMap<>();
            receiverOrder.forEach(receiver -> totals.put(labels.apply(receiver), perReceiver[receiver]));
            return totals;
        }
    }

    private MessageRef ref(int delivery) {
        int sent = facts.sentIndex(facts.slotOf(snapshot.messageId(delivery)));
        return new MessageRef(snapshot.messageId(delivery), snapshot.sender(delivery), snapshot.receiver(delivery),
                snapshot.sequence(delivery), sent, sent < 0 ? 0 : snapshot.timeNanos(sent), delivery,
                snapshot.timeNanos(delivery));
    }
}
