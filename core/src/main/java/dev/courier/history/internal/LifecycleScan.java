package dev.courier.history.internal;

import dev.courier.clone.DataCloneException;
import dev.courier.history.CloneFailure;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.LifecycleOptions;
import dev.courier.history.LifecycleReport;
import dev.courier.history.ListenerLeak;
import dev.courier.history.MessageError;
import dev.courier.history.QueueReport;
import dev.courier.history.WorkerError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects lifecycle faults in one pass over the events: worker errors, message errors, clone
 * failures and listener counts above the threshold; live workers come from {@link EndpointFacts}.
 *
 * <p>Thread contract: a pure function; each call uses its own state.
 */
public final class LifecycleScan {

    private final HistorySnapshot snapshot;
    private final int threshold;
    private final boolean atTeardown;
    private final List<WorkerError> workerErrors = new ArrayList<>();
    private final List<MessageError> messageErrors = new ArrayList<>();
    private final List<CloneFailure> cloneFailures = new ArrayList<>();
    private final Map<String, int[]> listenerPeaks = new LinkedHashMap<>();

    private LifecycleScan(HistorySnapshot snapshot, LifecycleOptions options) {
        this.snapshot = snapshot;
        this.threshold = options.listenerThreshold();
        this.atTeardown = options.isAtTeardown();
    }

    /** The lifecycle report of the snapshot behind {@code facts}. */
    public static LifecycleReport report(MessageFacts facts, LifecycleOptions options) {
        return new LifecycleScan(facts.snapshot(), options).scan(QueueScan.report(facts));
    }

    private LifecycleReport scan(QueueReport queues) {
        for (int index = 0, size = snapshot.size(); index < size; index++) {
            switch (snapshot.kind(index)) {
                case WORKER_ERROR -> workerErrors.add(new WorkerError(snapshot.receiver(index), snapshot.detail(index),
                        snapshot.error(index), snapshot.timeNanos(index), index));
                case MESSAGE_ERROR -> messageErrors.add(new MessageError(snapshot.messageId(index),
                        snapshot.sender(index), snapshot.receiver(index), snapshot.outcome(index),
                        snapshot.detail(index), snapshot.error(index), index));
                case CLONE_FAILED -> cloneFailures.add(cloneFailure(index));
                case LISTENER_ADDED -> noteListeners(index);
                default -> {
                    // Message traffic and other lifecycle events carry no fault.
                }
            }
        }
        List<ListenerLeak> leaks = new ArrayList<>();
        listenerPeaks.forEach((key, peak) -> {
            if (peak[0] > threshold) {
                leaks.add(new ListenerLeak(snapshot.receiver(peak[1]), snapshot.detail(peak[1]), peak[0], threshold,
                        peak[1]));
            }
        });
        List<String> live = EndpointFacts.of(snapshot).all().stream().filter(e -> e.online >= 0 && e.exit < 0).map(e -> e.label)
                .toList();
        return new LifecycleReport(workerErrors, messageErrors, cloneFailures, leaks, queues, live,
                LifecycleDiagnoses.of(workerErrors, messageErrors, cloneFailures, leaks, queues,
                        atTeardown ? live : List.of()));
    }

    // Keeps, per endpoint and type, the peak count and the first event above the threshold.
    private void noteListeners(int index) {
        String key = snapshot.receiver(index) + "\u0000" + snapshot.detail(index);
        int[] peak = listenerPeaks.computeIfAbsent(key, ignored -> new int[] {0, index});
        int count = snapshot.number(index);
        if (count > threshold && peak[0] <= threshold) {
            peak[1] = index;
        }
        peak[0] = Math.max(peak[0], count);
    }

    private CloneFailure cloneFailure(int index) {
        String path = null;
        String valueClass = null;
        String problem = null;
        String hint = null;
        String detail = snapshot.detail(index);
        if (detail != null) {
            // Recorded detail: "path <path>: <class>: <problem>".
            String[] parts = (detail.startsWith("path ") ? detail.substring("path ".length()) : detail).split(": ", 3);
            path = parts[0];
            valueClass = parts.length > 1 ? parts[1] : null;
            problem = parts.length > 2 ? parts[2] : null;
        }
        Throwable error = snapshot.error(index);
        if (error instanceof DataCloneException clone) {
            path = clone.path() == null ? path : clone.path();
            valueClass = clone.valueClass() == null ? valueClass : clone.valueClass();
            hint = clone.hint();
        }
        if (problem == null && error != null) {
            problem = error.getMessage();
        }
        return new CloneFailure(snapshot.sender(index), snapshot.receiver(index), path, valueClass, problem, hint,
                error, index);
    }
}
