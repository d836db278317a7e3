package dev.courier.assertions.internal;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.Diagnosis;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.LifecycleReport;
import dev.courier.history.QueueStats;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The lifecycle, queue and diagnosis checks as functions from a snapshot to a verdict over
 * {@link Checks#lifecycle}, {@link Checks#queues} and {@link Checks#diagnose}. Stateless; every function
 * may be re-run on each new snapshot.
 */
public final class LifecycleVerdicts {

    /** Anomalies that more events may resolve: a message in flight, a queue still draining, a running worker. */
    private static final Set<AnomalyKind> TRANSIENT = EnumSet.of(AnomalyKind.PENDING, AnomalyKind.UNDRAINED_QUEUE,
            AnomalyKind.LIVE_WORKER);

    private LifecycleVerdicts() {
    }

    public static Function<HistorySnapshot, Verdict<LifecycleReport>> noCloneFailures() {
        return snapshot -> DeliveryVerdicts.final_(Checks.lifecycle(snapshot), report -> report.cloneFailures()
                .isEmpty(), LifecycleFailureMessages::noCloneFailures);
    }

    public static Function<HistorySnapshot, Verdict<LifecycleReport>> cloneFailures(int expected) {
        Counts.requireNotNegative(expected, "expected clone failures");
        return snapshot -> exact(Checks.lifecycle(snapshot), report -> report.cloneFailures().size(), expected,
                report -> LifecycleFailureMessages.cloneFailures(report, expected));
    }

    public static Function<HistorySnapshot, Verdict<LifecycleReport>> cloneFailureAt(String path) {
        Objects.requireNonNull(path, "path");
        return snapshot -> DeliveryVerdicts.judge(Checks.lifecycle(snapshot), report -> report.cloneFailures()
                .stream().anyMatch(failure -> path.equals(failure.path())),
                report -> LifecycleFailureMessages.cloneFailureAt(report, path));
    }

    public static Function<HistorySnapshot, Verdict<LifecycleReport>> noMessageErrors() {
        return snapshot -> DeliveryVerdicts.final_(Checks.lifecycle(snapshot), report -> report.messageErrors()
                .isEmpty(), LifecycleFailureMessages::noMessageErrors);
    }

    public static Function<HistorySnapshot, Verdict<LifecycleReport>> unhandledMessageErrors(int expected) {
        Counts.requireNotNegative(expected, "expected unhandled message errors");
        return snapshot -> exact(Checks.lifecycle(snapshot), report -> report.unhandledMessageErrors().size(),
                expected, report -> LifecycleFailureMessages.unhandledMessageErrors(report, expected));
    }

    public static Function<HistorySnapshot, Verdict<LifecycleReport>> noWorkerErrors() {
        return snapshot -> DeliveryVerdicts.final_(Checks.lifecycle(snapshot), report -> report.workerErrors()
                .isEmpty(), LifecycleFailureMessages::noWorkerErrors);
    }

    public static Function<HistorySnapshot, Verdict<LifecycleReport>> workerErrors(int expected) {
        Counts.requireNotNegative(expected, "expected worker errors");
        return snapshot -> exact(Checks.lifecycle(snapshot), report -> report.workerErrors().size(), expected,
                report -> LifecycleFailureMessages.workerErrors(report, expected));
    }

    /** Every receiver's queue high-water mark is at most {@code limit}. */
    public static Function<HistorySnapshot, Verdict<List<QueueStats>>> queueDepthAtMost(int limit) {
        Counts.requireNotNegative(limit, "queue depth limit");
        return snapshot -> {
            List<QueueStats> deeper = Checks.queues(snapshot).queues().stream()
                    .filter(queue -> queue.highWaterMark() > limit).toList();
            if (deeper.isEmpty()) {
                return Verdict.holds(deeper);
            }
            List<Anomaly> diagnosis = Relevant.atEndpoints(Checks.diagnose(snapshot).anomalies(),
                    deeper.stream().map(QueueStats::receiver).toList());
            // A high-water mark only grows: once above the limit, always above it.
            return Verdict.failsForGood(deeper, LifecycleFailureMessages.queueDepthAtMost(limit, deeper, diagnosis));
        };
    }

    /** The diagnosis names {@code kind}; the verdict's value is the first anomaly of that kind. */
    public static Function<HistorySnapshot, Verdict<Anomaly>> anomaly(AnomalyKind kind) {
        Objects.requireNonNull(kind, "kind");
        return snapshot -> {
            Diagnosis diagnosis = Checks.diagnose(snapshot);
            List<Anomaly> found = diagnosis.ofKind(kind);
            return found.isEmpty() ? Verdict.fails(null, LifecycleFailureMessages.anomaly(diagnosis, kind))
                    : Verdict.holds(found.get(0));
        };
    }

    /** No failing anomaly; final as soon as one that no later event can resolve is found. */
    public static Function<HistorySnapshot, Verdict<Diagnosis>> noAnomalies() {
        return snapshot -> {
            Diagnosis diagnosis = Checks.diagnose(snapshot);
            if (diagnosis.isClean()) {
                return Verdict.holds(diagnosis);
            }
            String text = LifecycleFailureMessages.noAnomalies(diagnosis);
            boolean settled = diagnosis.failures().stream().anyMatch(anomaly -> !TRANSIENT.contains(anomaly.kind()));
            return settled ? Verdict.failsForGood(diagnosis, text) : Verdict.fails(diagnosis, text);
        };
    }

    // An exact count: once exceeded it stays exceeded.
    private static <R> Verdict<R> exact(R report, ToIntFunction<R> count, int expected, Function<R, String> failure) {
        int found = count.applyAsInt(report);
        if (found == expected) {
            return Verdict.holds(report);
        }
        String text = failure.apply(report);
        return found > expected ? Verdict.failsForGood(report, text) : Verdict.fails(report, text);
    }
}
