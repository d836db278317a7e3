package dev.courier.history;

import dev.courier.history.internal.DeliveryScan;
import dev.courier.history.internal.Diagnose;
import dev.courier.history.internal.FidelityScan;
import dev.courier.history.internal.HandlingScan;
import dev.courier.history.internal.LatencyScan;
import dev.courier.history.internal.LifecycleScan;
import dev.courier.history.internal.LostUpdateScan;
import dev.courier.history.internal.MessageFacts;
import dev.courier.history.internal.OrderScan;
import dev.courier.history.internal.QueueScan;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The checkers: pure functions from a history to an immutable report. They never wait, never touch
 * threads and never modify the history; checking a {@link DeliveryLog} checks the snapshot taken at the
 * call. Every checker is linear in the number of events (latency percentiles add a sort per receiver).
 *
 * <p>Thread contract: stateless; any thread may call any method at any time.
 */
public final class Checks {

    private Checks() {
    }

    /** {@link #delivery(HistorySnapshot)} of everything recorded so far in {@code log}. */
    public static DeliveryReport delivery(DeliveryLog log) {
        return delivery(snapshotOf(log));
    }

    /** Delivery counts: ok, lost (with causes), duplicated, unexpected and pending messages. */
    public static DeliveryReport delivery(HistorySnapshot snapshot) {
        return DeliveryScan.report(facts(snapshot));
    }

    /**
     * Which delivered messages were handled (their listeners returned), are still in a listener, or made a
     * listener throw.
     */
    public static HandlingReport handling(HistorySnapshot snapshot) {
        return HandlingScan.report(facts(snapshot));
    }

    /** {@link #order(HistorySnapshot)} of everything recorded so far in {@code log}. */
    public static OrderReport order(DeliveryLog log) {
        return order(snapshotOf(log));
    }

    /**
     * Per-sender FIFO per sender to receiver pair, and the cross-sender picture per delivering owner: a
     * receiver, or the worker that ports were transferred into (its messages from every port compared).
     */
    public static OrderReport order(HistorySnapshot snapshot) {
        return OrderScan.report(facts(snapshot), null);
    }

    /**
     * As {@link #order(HistorySnapshot)}, plus per-key order: messages whose payloads map to equal keys
     * must be delivered in send order. The key is taken from the payload retained on the SENT event (else
     * the DELIVERED one).
     *
     * @throws IllegalStateException if a delivered message has no retained payload
     */
    public static OrderReport order(HistorySnapshot snapshot, Function<Object, ?> keyOfPayload) {
        return OrderScan.report(facts(snapshot), Objects.requireNonNull(keyOfPayload, "keyOfPayload"));
    }

    /** {@link #latency(HistorySnapshot)} of everything recorded so far in {@code log}. */
    public static LatencyReport latency(DeliveryLog log) {
        return latency(snapshotOf(log));
    }

    /** SENT to DELIVERED and SENT to HANDLED latencies per receiver. */
    public static LatencyReport latency(HistorySnapshot snapshot) {
        return LatencyScan.report(facts(snapshot));
    }

    /** {@link #fidelity(HistorySnapshot)} of everything recorded so far in {@code log}. */
    public static FidelityReport fidelity(DeliveryLog log) {
        return fidelity(snapshotOf(log));
    }

    /** Fidelity with the structural {@link PayloadComparator#fidelity()} comparator. */
    public static FidelityReport fidelity(HistorySnapshot snapshot) {
        return fidelity(snapshot, PayloadComparator.fidelity());
    }

    /** Retained sent and delivered payloads compared by {@code comparator}, plus mutations in flight. */
    public static FidelityReport fidelity(HistorySnapshot snapshot, PayloadComparator comparator) {
        return FidelityScan.report(facts(snapshot), Objects.requireNonNull(comparator, "comparator"));
    }

    /** {@link #lifecycle(HistorySnapshot)} of everything recorded so far in {@code log}. */
    public static LifecycleReport lifecycle(DeliveryLog log) {
        return lifecycle(snapshotOf(log));
    }

    /** Lifecycle faults with {@link LifecycleOptions#defaults()}. */
    public static LifecycleReport lifecycle(HistorySnapshot snapshot) {
        return lifecycle(snapshot, LifecycleOptions.defaults());
    }

    /** Worker errors, message errors, clone failures, listener leaks, undrained queues, live workers. */
    public static LifecycleReport lifecycle(HistorySnapshot snapshot, LifecycleOptions options) {
        return LifecycleScan.report(facts(snapshot), Objects.requireNonNull(options, "options"));
    }

    /** {@link #queues(HistorySnapshot)} of everything recorded so far in {@code log}. */
    public static QueueReport queues(DeliveryLog log) {
        return queues(snapshotOf(log));
    }

    /** Queue high-water marks and what is still queued, per receiver. */
    public static QueueReport queues(HistorySnapshot snapshot) {
        return QueueScan.report(facts(snapshot));
    }

    /** {@link #lostUpdates(HistorySnapshot)} of everything recorded so far in {@code log}. */
    public static List<LostUpdate> lostUpdates(DeliveryLog log) {
        return lostUpdates(snapshotOf(log));
    }

    /**
     * Read-modify-writes of one index of a recording {@code SharedBuffer} view that another thread's write
     * interleaved, and whose stale write overwrote it (see {@link LostUpdate}); empty when no buffer records.
     */
    public static List<LostUpdate> lostUpdates(HistorySnapshot snapshot) {
        return LostUpdateScan.of(Objects.requireNonNull(snapshot, "snapshot"));
    }

    /** {@link #diagnose(HistorySnapshot)} of everything recorded so far in {@code log}. */
    public static Diagnosis diagnose(DeliveryLog log) {
        return diagnose(snapshotOf(log));
    }

    /**
     * Every anomaly of the delivery, order, fidelity, lifecycle and lost-update checks, one per cause and endpoint.
     * Retained payloads are compared structurally ({@link PayloadComparator#fidelity()}), except that a
     * payload delivered as the very object that was sent is not an anomaly here: that is what a sharing
     * codec does by design, and its risk, mutation in flight, is reported from the recorded events.
     */
    public static Diagnosis diagnose(HistorySnapshot snapshot) {
        return Diagnose.of(facts(snapshot), Diagnose.FIDELITY_SHARING_ALLOWED);
    }

    /** As {@link #diagnose(HistorySnapshot)}, with payload fidelity judged by {@code comparator}. */
    public static Diagnosis diagnose(HistorySnapshot snapshot, PayloadComparator comparator) {
        return Diagnose.of(facts(snapshot), Objects.requireNonNull(comparator, "comparator"));
    }

    private static HistorySnapshot snapshotOf(DeliveryLog log) {
        return Objects.requireNonNull(log, "log").snapshot();
    }

    private static MessageFacts facts(HistorySnapshot snapshot) {
        return MessageFacts.of(Objects.requireNonNull(snapshot, "snapshot"));
    }
}
