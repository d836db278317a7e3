package dev.courier.assertions;

import dev.courier.assertions.internal.DeliveryVerdicts;
import dev.courier.assertions.internal.LifecycleVerdicts;
import dev.courier.assertions.internal.OrderVerdicts;
import dev.courier.assertions.internal.Verdict;
import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DropCause;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.LatencyReport;
import java.util.function.Function;

/**
 * The history vocabulary shared by {@link DeliveryLogAssert} and {@link HistorySnapshotAssert}. Every
 * check asks one of the checkers in {@link Checks} and formats its verdict: the failure text says what
 * was expected, what was found (at most 20 items, then "and N more") and the diagnosis of the relevant
 * anomalies with their fixes.
 *
 * <p>Thread contract: used by one test thread. Whether a check waits is up to the subclass
 * ({@link DeliveryLogAssert#within}); a waiting check blocks for at most its timeout.
 *
 * @param <SELF>   the assert's own type
 * @param <ACTUAL> the history type
 */
public abstract class AbstractHistoryAssert<SELF extends AbstractHistoryAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractCourierAssert<SELF, ACTUAL> {

    protected AbstractHistoryAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Applies {@code check} to the history: now, or re-checked on appends until it holds or times out. */
    protected abstract <V> Verdict<V> evaluate(Function<HistorySnapshot, Verdict<V>> check);

    /** The history as of now. */
    protected abstract HistorySnapshot snapshot();

    private <V> SELF verify(Function<HistorySnapshot, Verdict<V>> check) {
        if (proceed()) {
            require(evaluate(check));
        }
        return myself;
    }

    /** No sent message was dropped. */
    public SELF hasNoLostMessages() {
        return verify(DeliveryVerdicts.noLostMessages());
    }

    /** No message was delivered more than once. */
    public SELF hasNoDuplicates() {
        return verify(DeliveryVerdicts.noDuplicates());
    }

    /** No message was delivered without having been sent. */
    public SELF hasNoUnexpectedMessages() {
        return verify(DeliveryVerdicts.noUnexpectedMessages());
    }

    /** Every sent message was delivered exactly once: nothing lost, duplicated, unexpected or still in flight. */
    public SELF deliveredExactlyOnce() {
        return verify(DeliveryVerdicts.deliveredExactlyOnce());
    }

    /** Exactly {@code count} sent messages were dropped, whatever the cause (an expected fault). */
    public SELF hasLostMessages(int count) {
        return verify(DeliveryVerdicts.lostMessages(count));
    }

    /** Exactly {@code count} sent messages were dropped with {@code cause}. */
    public SELF hasLostMessagesWithCause(DropCause cause, int count) {
        return verify(DeliveryVerdicts.lostMessagesWithCause(cause, count));
    }

    /** Per-sender FIFO held: each sender's messages reached each receiver in send order. */
    public SELF isInSendOrderPerSender() {
        return verify(OrderVerdicts.perSender());
    }

    /**
     * Messages whose payloads map to equal keys were delivered in send order. Needs payload retention.
     *
     * @throws IllegalStateException from the checker when a delivered message has no retained payload
     */
    public SELF isInSendOrderPerKey(Function<Object, ?> keyOfPayload) {
        return verify(OrderVerdicts.perKey(keyOfPayload));
    }

    /** Every receiver got its messages in global send order (no runtime promises this across senders). */
    public SELF isInGlobalSendOrder() {
        return verify(OrderVerdicts.global());
    }

    /** No {@code postMessage} failed to clone its payload. */
    public SELF hasNoCloneFailures() {
        return verify(LifecycleVerdicts.noCloneFailures());
    }

    /** Exactly {@code count} payloads failed to clone. */
    public SELF hasCloneFailures(int count) {
        return verify(LifecycleVerdicts.cloneFailures(count));
    }

    /** A payload failed to clone at {@code path}, e.g. {@code $.jobs[2].callback}. */
    public SELF hasCloneFailureAt(String path) {
        return verify(LifecycleVerdicts.cloneFailureAt(path));
    }

    /** No message failed to decode at its receiver, handled or not. */
    public SELF hasNoMessageErrors() {
        return verify(LifecycleVerdicts.noMessageErrors());
    }

    /** Exactly {@code count} decode failures reached no messageerror listener. */
    public SELF hasUnhandledMessageErrors(int count) {
        return verify(LifecycleVerdicts.unhandledMessageErrors(count));
    }

    /** No worker had an uncaught exception. */
    public SELF hasNoWorkerErrors() {
        return verify(LifecycleVerdicts.noWorkerErrors());
    }

    /** Exactly {@code count} uncaught worker exceptions were recorded. */
    public SELF hasWorkerErrors(int count) {
        return verify(LifecycleVerdicts.workerErrors(count));
    }

    /** No receiver's queue was ever deeper than {@code depth} (its recorded high-water mark). */
    public SELF hasQueueDepthAtMost(int depth) {
        return verify(LifecycleVerdicts.queueDepthAtMost(depth));
    }

    /** The diagnosis found no failing anomaly (informational ones are allowed). */
    public SELF hasNoAnomalies() {
        return verify(LifecycleVerdicts.noAnomalies());
    }

    /** The diagnosis names {@code kind}; returns an assert over the first such anomaly and its explanation. */
    public AnomalyAssert hasAnomaly(AnomalyKind kind) {
        Function<HistorySnapshot, Verdict<Anomaly>> check = LifecycleVerdicts.anomaly(kind);
        return navigate(AnomalyAssert.class, Anomaly.class, AnomalyAssert::new, () -> evaluate(check));
    }

    /** An assert over the SENT to DELIVERED latencies of the history as of now (never waits). */
    public LatencyAssert latency() {
        return navigate(LatencyAssert.class, LatencyReport.class, LatencyAssert::new,
                () -> Verdict.holds(Checks.latency(snapshot())));
    }
}
