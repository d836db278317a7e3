package dev.courier.history.internal;

import dev.courier.history.HistorySnapshot;
import dev.courier.history.LatencyReport;
import dev.courier.history.LatencyStats;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures SENT to DELIVERED and SENT to HANDLED latencies in one pass over the {@link MessageFacts}
 * slots, collected per receiver into primitive lists (sorting them for percentiles is the only
 * super-linear step).
 *
 * <p>Thread contract: a pure function; each call uses its own state.
 */
public final class LatencyScan {

    private LatencyScan() {
    }

    /** The latency report of the snapshot behind {@code facts}. */
    public static LatencyReport report(MessageFacts facts) {
        HistorySnapshot snapshot = facts.snapshot();
        Lists delivery = new Lists(snapshot);
        Lists handling = new Lists(snapshot);
        for (int slot = 0, messages = facts.messages(); slot < messages; slot++) {
            int sent = facts.sentIndex(slot);
            if (sent < 0) {
                continue;
            }
            delivery.add(facts.id(slot), sent, facts.deliveredIndex(slot));
            handling.add(facts.id(slot), sent, facts.handledIndex(slot));
        }
        return new LatencyReport(delivery.perReceiver(), handling.perReceiver(), delivery.overall(),
                handling.overall());
    }

    /** Per-receiver id and latency lists, indexed by interned receiver id. */
    private static final class Lists {
        private final HistorySnapshot snapshot;
        private final LongList[] ids;
        private final LongList[] latencies;
        private final List<Integer> order = new ArrayList<>();
        private final LongList allIds = new LongList();
        private final LongList allLatencies = new LongList();

        Lists(HistorySnapshot snapshot) {
            this.snapshot = snapshot;
            int bound = snapshot.endpointIdBound();
            ids = new LongList[bound];
            latencies = new LongList[bound];
        }

        void add(long id, int sent, int end) {
            if (end < 0) {
                return;
            }
            int receiver = snapshot.receiverId(end);
            if (ids[receiver] == null) {
                ids[receiver] = new LongList();
                latencies[receiver] = new LongList();
                order.add(receiver);
            }
            long latency = snapshot.timeNanos(end) - snapshot.timeNanos(sent);
            ids[receiver].add(id);
            latencies[receiver].add(latency);
            allIds.add(id);
            allLatencies.add(latency);
        }

        List<LatencyStats> perReceiver() {
            List<LatencyStats> stats = new ArrayList<>(order.size());
            for (int receiver : order) {
                stats.add(LatencyStats.of(snapshot.endpointLabel(receiver), ids[receiver].toArray(),
                        latencies[receiver].toArray()));
            }
            return stats;
        }

        LatencyStats overall() {
            return LatencyStats.of(null, allIds.toArray(), allLatencies.toArray());
        }
    }
}
