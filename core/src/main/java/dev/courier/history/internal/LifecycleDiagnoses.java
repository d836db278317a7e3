package dev.courier.history.internal;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.CloneFailure;
import dev.courier.history.ListenerLeak;
import dev.courier.history.MessageError;
import dev.courier.history.QueueReport;
import dev.courier.history.WorkerError;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns lifecycle faults into anomalies, one per cause and endpoint.
 *
 * <p>Thread contract: pure functions over immutable inputs.
 */
final class LifecycleDiagnoses {

    private LifecycleDiagnoses() {
    }

    static List<Anomaly> of(List<WorkerError> workerErrors, List<MessageError> messageErrors,
                     List<CloneFailure> cloneFailures, List<ListenerLeak> leaks, QueueReport queues, List<String> live) {
        List<Anomaly> anomalies = new ArrayList<>();
        DeliveryDiagnoses.group(workerErrors, WorkerError::worker).forEach(group -> anomalies.add(workerError(group)));
        DeliveryDiagnoses.group(messageErrors, e -> e.outcome() + " " + e.receiver())
                .forEach(group -> anomalies.add(messageError(group)));
        DeliveryDiagnoses.group(cloneFailures, CloneFailure::sender).forEach(group -> anomalies.add(clone(group)));
        leaks.forEach(leak -> anomalies.add(new Anomaly(AnomalyKind.LISTENER_LEAK, leak.endpoint(), List.of(), "`"
                + leak.endpoint() + "` had " + leak.maxCount() + " '" + leak.type() + "' listeners (threshold "
                + leak.threshold() + "): listeners are being added without being removed",
                "add the listener once, outside the per-message path, or remove it when done; raise the "
                + "threshold only if that many listeners are intended")));
        anomalies.addAll(queues.anomalies());
        live.forEach(worker -> anomalies.add(new Anomaly(AnomalyKind.LIVE_WORKER, worker, List.of(), "worker `"
                + worker + "` came online and had not exited when the snapshot was taken",
                "close() or terminate() every worker at teardown and wait for its exit")));
        return anomalies;
    }

    private static Anomaly workerError(List<WorkerError> group) {
        WorkerError first = group.get(0);
        String where = first.where() == null ? "" : " thrown in its " + first.where();
        String what = first.error() == null ? "an unrecorded error" : first.error().toString();
        String explanation = group.size() == 1
                ? "worker `" + first.worker() + "` had an uncaught " + what + where
                : "worker `" + first.worker() + "` had " + group.size() + " uncaught errors; first: " + what + where;
        return new Anomaly(AnomalyKind.WORKER_ERROR, first.worker(), List.of(), explanation, "handle the exception "
                + "where it is thrown, or add an error listener that reports it and restarts the worker");
    }

    private static Anomaly messageError(List<MessageError> group) {
        MessageError first = group.get(0);
        String firstError = first.error() != null ? first.error().toString()
                : first.detail() != null ? first.detail() : "no error recorded";
        List<Long> ids = group.stream().map(MessageError::id).toList();
        String failures = Text.count(group.size(), "decode failure") + " at `" + first.receiver() + "`";
        if (first.isUnhandled()) {
            return new Anomaly(AnomalyKind.UNHANDLED_MESSAGE_ERROR, first.receiver(), ids, failures
                    + " with no messageerror listener; first: " + firstError, "register a messageerror listener on `"
                    + first.receiver() + "` and check that both ends use the same codec");
        }
        return new Anomaly(AnomalyKind.HANDLED_MESSAGE_ERROR, first.receiver(), ids, failures
                + " reached its messageerror listener; first: " + firstError,
                "check that both ends use the same codec");
    }

    private static Anomaly clone(List<CloneFailure> group) {
        CloneFailure first = group.get(0);
        String at = (first.path() == null ? "an unknown path" : first.path())
                + (first.valueClass() == null ? "" : " (" + first.valueClass() + ")");
        String explanation = Text.count(group.size(), "payload") + " posted by `" + first.sender() + "` "
                + Text.were(group.size()) + " not cloneable (CLONE_FAILED); first at " + at
                + (first.problem() == null ? "" : ": " + first.problem());
        String fix = "remove or replace the non-cloneable value at " + (first.path() == null ? "that path" : first.path())
                + (first.hint() == null ? "" : " (" + first.hint() + ")");
        return new Anomaly(AnomalyKind.CLONE_FAILURE, first.sender(), List.of(), explanation, fix);
    }
}
