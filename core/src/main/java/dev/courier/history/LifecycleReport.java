package dev.courier.history;

import java.util.List;

/**
 * Lifecycle faults of one snapshot: worker errors, message (decode) errors, clone failures, listener
 * leaks, undrained queues and workers still alive. Immutable; built by
 * {@link Checks#lifecycle(HistorySnapshot, LifecycleOptions)}.
 *
 * @param workerErrors  WORKER_ERROR events in log order
 * @param messageErrors MESSAGE_ERROR events, handled and unhandled, in log order
 * @param cloneFailures CLONE_FAILED events in log order
 * @param listenerLeaks endpoints and types above the listener threshold
 * @param queues        queue depths per receiver
 * @param liveWorkers   labels of workers online without a WORKER_EXIT
 * @param anomalies     the diagnosed causes, one per cause and endpoint
 */
public record LifecycleReport(List<WorkerError> workerErrors, List<MessageError> messageErrors,
                              List<CloneFailure> cloneFailures, List<ListenerLeak> listenerLeaks, QueueReport queues,
                              List<String> liveWorkers, List<Anomaly> anomalies) {

    public LifecycleReport {
        workerErrors = List.copyOf(workerErrors);
        messageErrors = List.copyOf(messageErrors);
        cloneFailures = List.copyOf(cloneFailures);
        listenerLeaks = List.copyOf(listenerLeaks);
        liveWorkers = List.copyOf(liveWorkers);
        anomalies = List.copyOf(anomalies);
    }

    /** The message errors no messageerror listener received. */
    public List<MessageError> unhandledMessageErrors() {
        return messageErrors.stream().filter(MessageError::isUnhandled).toList();
    }

    /** Receivers with messages still queued at the snapshot. */
    public List<QueueStats> undrainedQueues() {
        return queues.undrained();
    }

    /** No anomaly that fails (handled message errors are informational). */
    public boolean isClean() {
        return anomalies.stream().noneMatch(Anomaly::isFailure);
    }
}
