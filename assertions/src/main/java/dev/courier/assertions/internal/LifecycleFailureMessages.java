package dev.courier.assertions.internal;

import static dev.courier.assertions.internal.FailureText.count;
import static dev.courier.assertions.internal.FailureText.was;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.CloneFailure;
import dev.courier.history.Diagnosis;
import dev.courier.history.LifecycleReport;
import dev.courier.history.MessageError;
import dev.courier.history.QueueStats;
import dev.courier.history.WorkerError;
import java.util.List;

/**
 * The failure texts of the lifecycle, queue and diagnosis assertions, built from the checkers' reports.
 * Stateless.
 */
public final class LifecycleFailureMessages {

    private LifecycleFailureMessages() {
    }

    public static String noCloneFailures(LifecycleReport report) {
        int failures = report.cloneFailures().size();
        return FailureText.of("Expecting no clone failures but " + count(failures, "payload") + " could not be "
                + "cloned:").items(cloneLines(report)).diagnosis(cloneDiagnosis(report)).toString();
    }

    public static String cloneFailures(LifecycleReport report, int expected) {
        return FailureText.of("Expecting " + count(expected, "clone failure") + " but found "
                + report.cloneFailures().size() + (report.cloneFailures().isEmpty() ? "" : ":"))
                .items(cloneLines(report)).diagnosis(cloneDiagnosis(report)).toString();
    }

    public static String cloneFailureAt(LifecycleReport report, String path) {
        String found = report.cloneFailures().isEmpty() ? "there was none" : "the clone failures were:";
        return FailureText.of("Expecting a clone failure at " + path + " but " + found).items(cloneLines(report))
                .diagnosis(cloneDiagnosis(report)).toString();
    }

    public static String noMessageErrors(LifecycleReport report) {
        int errors = report.messageErrors().size();
        return FailureText.of("Expecting no message errors but " + count(errors, "message") + " could not be "
                + "decoded:").items(messageErrorLines(report.messageErrors())).diagnosis(messageErrorDiagnosis(report))
                .toString();
    }

    public static String unhandledMessageErrors(LifecycleReport report, int expected) {
        List<MessageError> unhandled = report.unhandledMessageErrors();
        return FailureText.of("Expecting " + count(expected, "unhandled message error") + " but found "
                + unhandled.size() + (report.messageErrors().isEmpty() ? "" : " (" + report.messageErrors().size()
                + " message errors in all):")).items(messageErrorLines(report.messageErrors()))
                .diagnosis(messageErrorDiagnosis(report)).toString();
    }

    public static String noWorkerErrors(LifecycleReport report) {
        int errors = report.workerErrors().size();
        return FailureText.of("Expecting no worker errors but " + count(errors, "worker error") + " " + was(errors)
                + " recorded:").items(workerErrorLines(report)).diagnosis(workerErrorDiagnosis(report)).toString();
    }

    public static String workerErrors(LifecycleReport report, int expected) {
        return FailureText.of("Expecting " + count(expected, "worker error") + " but found "
                + report.workerErrors().size() + (report.workerErrors().isEmpty() ? "" : ":"))
                .items(workerErrorLines(report)).diagnosis(workerErrorDiagnosis(report)).toString();
    }

    public static String queueDepthAtMost(int limit, List<QueueStats> deeper, List<Anomaly> diagnosis) {
        return FailureText.of("Expecting every queue depth to be at most " + limit + " but "
                + count(deeper.size(), "queue") + " went deeper:")
                .items(deeper.stream().map(StateReport::queue).toList()).diagnosis(diagnosis).toString();
    }

    public static String anomaly(Diagnosis diagnosis, AnomalyKind kind) {
        return FailureText.of("Expecting the diagnosis to name " + kind + " but it found "
                + (diagnosis.anomalies().isEmpty() ? "no anomalies" : "only:"))
                .items(diagnosis.anomalies().stream().map(Anomaly::toString).toList()).toString();
    }

    public static String noAnomalies(Diagnosis diagnosis) {
        List<Anomaly> failures = diagnosis.failures();
        return FailureText.of("Expecting no anomalies but the diagnosis found " + failures.size() + ":")
                .items(failures.stream().map(Anomaly::toString).toList()).toString();
    }

    private static List<String> cloneLines(LifecycleReport report) {
        return report.cloneFailures().stream().map(LifecycleFailureMessages::line).toList();
    }

    private static String line(CloneFailure failure) {
        return failure.sender() + (failure.receiver() == null ? "" : " -> " + failure.receiver()) + " at "
                + (failure.path() == null ? "an unknown path" : failure.path())
                + (failure.valueClass() == null ? "" : " (" + failure.valueClass() + ")")
                + (failure.problem() == null ? "" : ": " + failure.problem());
    }

    private static List<String> messageErrorLines(List<MessageError> errors) {
        return errors.stream().map(error -> "message " + error.id() + " " + error.sender() + " -> " + error.receiver()
                + ": " + error.outcome() + ", " + (error.error() != null ? error.error().toString()
                : error.detail() != null ? error.detail() : "no error recorded")).toList();
    }

    private static List<String> workerErrorLines(LifecycleReport report) {
        return report.workerErrors().stream().map(LifecycleFailureMessages::line).toList();
    }

    private static String line(WorkerError error) {
        return "`" + error.worker() + "`" + (error.where() == null ? "" : " in its " + error.where()) + ": "
                + (error.error() == null ? "no throwable recorded" : error.error().toString());
    }

    private static List<Anomaly> cloneDiagnosis(LifecycleReport report) {
        return Relevant.ofKinds(report.anomalies(), AnomalyKind.CLONE_FAILURE);
    }

    private static List<Anomaly> messageErrorDiagnosis(LifecycleReport report) {
        return Relevant.ofKinds(report.anomalies(), AnomalyKind.UNHANDLED_MESSAGE_ERROR,
                AnomalyKind.HANDLED_MESSAGE_ERROR);
    }

    private static List<Anomaly> workerErrorDiagnosis(LifecycleReport report) {
        return Relevant.ofKinds(report.anomalies(), AnomalyKind.WORKER_ERROR);
    }
}
