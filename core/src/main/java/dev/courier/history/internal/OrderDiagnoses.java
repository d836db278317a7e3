package dev.courier.history.internal;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.OrderInversion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns order cases into anomalies, one per cause and receiver. A per-sender FIFO violation fails;
 * cross-sender interleaving is expected (no global order is promised) and reported as
 * informational, per delivering owner (the worker, for ports transferred into it), naming whether
 * per-sender FIFO held there. An inversion whose overtaking message went through a task a tapped executor's
 * CallerRunsPolicy ran on the submitting thread is explained by that policy ({@link CallerRunsFacts}).
 *
 * <p>Thread contract: used by one checker call.
 */
final class OrderDiagnoses {

    /** The fix of an inversion CallerRunsPolicy caused. */
    static final String CALLER_RUNS_FIX = "if this order matters, keep ordered work away from CallerRunsPolicy: "
            + "give the pool a queue with room for the burst, or block the producer until there is room (e.g. a "
            + "Semaphore released when a task ends), or reorder by a sequence number at the receiver; if it does "
            + "not matter, do not check order there";

    private final Map<String, Long> perSenderTotals;
    private final CallerRunsFacts callerRuns;
    private final List<Anomaly> anomalies = new ArrayList<>();

    OrderDiagnoses(Map<String, Long> perSenderTotals, CallerRunsFacts callerRuns) {
        this.perSenderTotals = perSenderTotals;
        this.callerRuns = callerRuns;
    }

    List<Anomaly> anomalies() {
        return anomalies;
    }

    void perSender(List<OrderInversion> cases) {
        perSenderTotals.forEach((receiver, total) -> {
            String broke = deliveries(total) + " to `" + receiver + "` broke per-sender FIFO" + example(cases, receiver);
            String byPolicy = callerRuns.explain(cases, receiver);
            anomalies.add(byPolicy != null
                    ? new Anomaly(AnomalyKind.PER_SENDER_ORDER_VIOLATED, receiver, ids(cases, receiver),
                            broke + "; " + byPolicy, CALLER_RUNS_FIX)
                    : new Anomaly(AnomalyKind.PER_SENDER_ORDER_VIOLATED, receiver, ids(cases, receiver), broke,
                            "keep one FIFO queue per sender and receiver pair and look for re-sends, retries or "
                            + "several threads draining one channel (consumers that compete on purpose: take "
                            + "through a tap, which records each consumer)"));
        });
    }

    /** {@code totals} are per delivering owner (a worker for its transferred ports), as is {@code fifoBroken}. */
    void crossSender(List<OrderInversion> cases, Map<String, Long> totals, Set<String> fifoBroken) {
        totals.forEach((receiver, total) -> {
            String fifo = fifoBroken.contains(receiver) ? "" : "; per-sender FIFO held";
            anomalies.add(new Anomaly(AnomalyKind.CROSS_SENDER_INTERLEAVING, receiver, ids(cases, receiver),
                    deliveries(total) + " to `" + receiver + "` came after a message another sender sent later"
                    + example(cases, receiver) + "; no global order is promised across senders" + fifo,
                    "do not assume global order across senders: order by a sequence number or funnel through "
                    + "one sender"));
        });
    }

    /** {@code competing}: receivers with several consumer threads and how many. */
    void perKey(List<OrderInversion> cases, Map<String, Long> totals, Map<String, Integer> competing) {
        totals.forEach((receiver, total) -> {
            Integer threads = competing.get(receiver);
            String byPolicy = callerRuns.explain(cases, receiver);
            if (byPolicy != null) {
                anomalies.add(new Anomaly(AnomalyKind.KEY_ORDER_VIOLATED, receiver, ids(cases, receiver),
                        deliveries(total) + " to `" + receiver + "` came after a later-sent message with the same key"
                        + example(cases, receiver) + "; " + byPolicy, CALLER_RUNS_FIX));
                return;
            }
            String why = threads == null ? "" : "; " + threads + " consumer threads take from `" + receiver
                    + "` concurrently, so two messages of one key can be handled in either order";
            String fix = threads == null ? "route every message of one key through one sender and one FIFO "
                    + "channel, or reorder by a per-key sequence number at the receiver"
                    : "route each key to one consumer thread (partition by key, e.g. one single-thread executor "
                    + "per key hash), use a single consumer, or reorder by a per-key sequence number";
            anomalies.add(new Anomaly(AnomalyKind.KEY_ORDER_VIOLATED, receiver, ids(cases, receiver),
                    deliveries(total) + " to `" + receiver + "` came after a later-sent message with the same key"
                    + example(cases, receiver) + why, fix));
        });
    }

    private static String deliveries(long total) {
        return total + (total == 1 ? " delivery" : " deliveries");
    }

    private static String example(List<OrderInversion> cases, String receiver) {
        return cases.stream().filter(c -> Objects.equals(c.receiver(), receiver)).findFirst()
                .map(c -> " (first: " + c.describe() + ")").orElse("");
    }

    private static List<Long> ids(List<OrderInversion> cases, String receiver) {
        return cases.stream().filter(c -> Objects.equals(c.receiver(), receiver)).map(c -> c.deliveredLater().id()).toList();
    }
}
