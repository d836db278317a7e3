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
import java.util.function.Supplier;

/**
 * The history vocabulary shared by {@link DeliveryLogAssert} and {@link HistorySnapshotAssert}. Each method
 * declares an expectation; {@link #check()} evaluates them all (see {@link AbstractExpectingAssert}). Every
 * expectation asks one of the checkers in {@link Checks} and formats its verdict: the failure text says what
 * was expected, what was found (at most 20 items, then "and N more") and the diagnosis of the relevant
 * anomalies with their fixes.
 *
 * <p>Thread contract: used by one test thread. A waiting check blocks for at most its timeout.
 *
 * @param <SELF>   the assert's own type
 * @param <ACTUAL> the history type
 */
public abstract class AbstractHistoryAssert<SELF extends AbstractHistoryAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractExpectingAssert<SELF, ACTUAL> {

    protected AbstractHistoryAssert(ACTUAL actual, Class<?> selfType, String subject) {
        super(actual, selfType, subject);
    }

    private SELF declare(String name, Supplier<? extends Function<HistorySnapshot, ? extends Verdict<?>>> check) {
        return expect(name, () -> {
            Function<HistorySnapshot, ? extends Verdict<?>> fresh = check.get();
            return snapshot -> fresh.apply(snapshot);
        });
    }

    /** No sent message was dropped; a drop is final, so a wait ends at the first one. */
    public SELF hasNoLostMessages() {
        return declare("hasNoLostMessages()", DeliveryVerdicts::noLostMessages);
    }

    /** No message was delivered more than once. */
    public SELF hasNoDuplicates() {
        return declare("hasNoDuplicates()", DeliveryVerdicts::noDuplicates);
    }

    /** No message was delivered without having been sent. */
    public SELF hasNoUnexpectedMessages() {
        return declare("hasNoUnexpectedMessages()", DeliveryVerdicts::noUnexpectedMessages);
    }

    /**
     * Every sent message was delivered exactly once and decoded (a messageerror is not a delivery): nothing
     * lost, duplicated, unexpected, undecoded or still in flight. A loss, duplicate or decode failure is final.
     */
    public SELF deliveredExactlyOnce() {
        return declare("deliveredExactlyOnce()", DeliveryVerdicts::deliveredExactlyOnce);
    }

    /**
     * Every sent message was delivered exactly once and its listeners finished without throwing (HANDLED OK):
     * a check that follows this one never sees a half-finished listener.
     */
    public SELF handledExactlyOnce() {
        return declare("handledExactlyOnce()", DeliveryVerdicts::handledExactlyOnce);
    }

    /** Exactly {@code count} sent messages were dropped, whatever the cause (an expected fault). */
    public SELF hasLostMessages(int count) {
        Function<HistorySnapshot, ? extends Verdict<?>> validated = DeliveryVerdicts.lostMessages(count);
        return declare("hasLostMessages(" + count + ")", () -> validated);
    }

    /** Exactly {@code count} sent messages were dropped with {@code cause}. */
    public SELF hasLostMessagesWithCause(DropCause cause, int count) {
        Function<HistorySnapshot, ? extends Verdict<?>> validated = DeliveryVerdicts.lostMessagesWithCause(cause,
                count);
        return declare("hasLostMessagesWithCause(" + cause + ", " + count + ")", () -> validated);
    }

    /** Per-sender FIFO held: each sender's messages reached each receiver in send order. */
    public SELF isInSendOrderPerSender() {
        return declare("isInSendOrderPerSender()", OrderVerdicts::perSender);
    }

    /**
     * Messages whose payloads map to equal keys were delivered in send order. Needs payload retention.
     *
     * @throws IllegalStateException from the checker when a delivered message has no retained payload
     */
    public SELF isInSendOrderPerKey(Function<Object, ?> keyOfPayload) {
        Function<HistorySnapshot, ? extends Verdict<?>> validated = OrderVerdicts.perKey(keyOfPayload);
        return declare("isInSendOrderPerKey(...)", () -> validated);
    }

    /** Every receiver got its messages in global send order (no runtime promises this across senders). */
    public SELF isInGlobalSendOrder() {
        return declare("isInGlobalSendOrder()", OrderVerdicts::global);
    }

    /** No {@code postMessage} failed to clone its payload. */
    public SELF hasNoCloneFailures() {
        return declare("hasNoCloneFailures()", LifecycleVerdicts::noCloneFailures);
    }

    /** Exactly {@code count} payloads failed to clone. */
    public SELF hasCloneFailures(int count) {
        Function<HistorySnapshot, ? extends Verdict<?>> validated = LifecycleVerdicts.cloneFailures(count);
        return declare("hasCloneFailures(" + count + ")", () -> validated);
    }

    /** A payload failed to clone at {@code path}, e.g. {@code $.jobs[2].callback}. */
    public SELF hasCloneFailureAt(String path) {
        Function<HistorySnapshot, ? extends Verdict<?>> validated = LifecycleVerdicts.cloneFailureAt(path);
        return declare("hasCloneFailureAt(\"" + path + "\")", () -> validated);
    }

    /** No message failed to decode at its receiver, handled or not. */
    public SELF hasNoMessageErrors() {
        return declare("hasNoMessageErrors()", LifecycleVerdicts::noMessageErrors);
    }

    /** Exactly {@code count} decode failures reached no messageerror listener. */
    public SELF hasUnhandledMessageErrors(int count) {
        Function<HistorySnapshot, ? extends Verdict<?>> validated = LifecycleVerdicts.unhandledMessageErrors(count);
        return declare("hasUnhandledMessageErrors(" + count + ")", () -> validated);
    }

    /** No worker had an uncaught exception. */
    public SELF hasNoWorkerErrors() {
        return declare("hasNoWorkerErrors()", LifecycleVerdicts::noWorkerErrors);
    }

    /** Exactly {@code count} uncaught worker exceptions were recorded. */
    public SELF hasWorkerErrors(int count) {
        Function<HistorySnapshot, ? extends Verdict<?>> validated = LifecycleVerdicts.workerErrors(count);
        return declare("hasWorkerErrors(" + count + ")", () -> validated);
    }

    /** No receiver's queue was ever deeper than {@code depth} (its recorded high-water mark). */
    public SELF hasQueueDepthAtMost(int depth) {
        Function<HistorySnapshot, ? extends Verdict<?>> validated = LifecycleVerdicts.queueDepthAtMost(depth);
        return declare("hasQueueDepthAtMost(" + depth + ")", () -> validated);
    }

    /**
     * The diagnosis found no failing anomaly (informational ones are allowed). A running, healthy worker is
     * not an anomaly here: LIVE_WORKER belongs to teardown checks.
     */
    public SELF hasNoAnomalies() {
        return declare("hasNoAnomalies()", LifecycleVerdicts::noAnomalies);
    }

    /**
     * Evaluates the expectations declared so far and then whether the diagnosis names {@code kind} (waiting
     * for all of it after {@code within}); returns an assert over the first such anomaly and its explanation.
     */
    public AnomalyAssert hasAnomaly(AnomalyKind kind) {
        Function<HistorySnapshot, Verdict<Anomaly>> check = LifecycleVerdicts.anomaly(kind);
        return navigate(AnomalyAssert.class, Anomaly.class, AnomalyAssert::new, () -> evaluateWith(check));
    }

    /**
     * Evaluates the expectations declared so far, then returns an assert over the SENT to DELIVERED latencies
     * of the history as of that moment.
     */
    public LatencyAssert latency() {
        return navigate(LatencyAssert.class, LatencyReport.class, LatencyAssert::new,
                () -> evaluateWith(snapshot -> Verdict.holds(Checks.latency(snapshot))));
    }
}
