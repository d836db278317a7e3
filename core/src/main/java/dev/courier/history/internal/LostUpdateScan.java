package dev.courier.history.internal;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.LostUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds lost updates in the accesses recorded by {@code SharedBuffer} views, in one pass: per view and index,
 * each thread's latest read not yet followed by its own write is open; another thread's write (or atomic update)
 * of that index marks every open read as interleaved; a thread that then writes over its interleaved read lost
 * the other thread's update. A thread's own atomic update closes its open read (a compare-and-set loop), so
 * atomic counters and reads guarded by the atomics are never reported; neither is a thread alone at an index.
 *
 * <p>Thread contract: a pure function over an immutable snapshot; each call uses its own state.
 */
public final class LostUpdateScan {

    /** The fix of a lost update. */
    static final String FIX = "make the read-modify-write atomic: use addAndGet(index, delta), or a "
            + "compareAndSet(index, expected, value) retry loop, instead of getPlain then setPlain (or guard every "
            + "access to the index with one lock)";

    private LostUpdateScan() {
    }

    /** Every lost update, in the order of the stale writes. */
    public static List<LostUpdate> of(HistorySnapshot snapshot) {
        // (view id, index) -> thread id -> {read event, interleaving event or -1}
        Map<Long, Map<Integer, int[]>> open = new HashMap<>();
        List<LostUpdate> lost = new ArrayList<>();
        for (int event = 0, size = snapshot.size(); event < size; event++) {
            EventKind kind = snapshot.kind(event);
            if (kind != EventKind.SHARED_READ && kind != EventKind.SHARED_WRITE
                    && kind != EventKind.SHARED_ATOMIC_UPDATE) {
                continue;
            }
            long place = ((long) snapshot.receiverId(event) << 32) | (snapshot.number(event) & 0xFFFFFFFFL);
            int thread = snapshot.senderId(event);
            Map<Integer, int[]> reads = open.computeIfAbsent(place, ignored -> new HashMap<>());
            if (kind == EventKind.SHARED_READ) {
                reads.put(thread, new int[] {event, -1});
                continue;
            }
            int[] own = reads.remove(thread);
            if (kind == EventKind.SHARED_WRITE && own != null && own[1] >= 0) {
                lost.add(new LostUpdate(snapshot.receiver(event), snapshot.number(event), snapshot.sender(event),
                        snapshot.sender(own[1]), snapshot.sequence(own[0]), snapshot.sequence(own[1]),
                        snapshot.sequence(event), own[0], own[1], event));
            }
            for (Iterator<int[]> others = reads.values().iterator(); others.hasNext(); ) {
                int[] read = others.next();
                if (read[1] < 0) {
                    read[1] = event;
                }
            }
        }
        return lost;
    }

    /** One LOST_UPDATE anomaly per view, naming its first lost update and the fix. */
    public static List<Anomaly> anomalies(List<LostUpdate> lost) {
        Map<String, List<LostUpdate>> byView = new LinkedHashMap<>();
        lost.forEach(update -> byView.computeIfAbsent(update.view(), ignored -> new ArrayList<>()).add(update));
        List<Anomaly> anomalies = new ArrayList<>();
        byView.forEach((view, updates) -> {
            long indexes = updates.stream().mapToInt(LostUpdate::index).distinct().count();
            String where = indexes == 1 ? "index " + updates.get(0).index() : Text.count(indexes, "index");
            anomalies.add(new Anomaly(AnomalyKind.LOST_UPDATE, view, List.of(), Text.count(updates.size(),
                    "update") + " of `" + view + "` " + Text.were(updates.size()) + " lost at " + where
                    + " by a non-atomic read-modify-write (first: " + updates.get(0).describe() + ")", FIX));
        });
        return anomalies;
    }
}
