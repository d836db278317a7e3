package dev.courier.history.internal;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.EndpointNames;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.LostMessage;
import java.util.List;

/**
 * Explains one group of lost messages (same drop cause, same receiver) from the recorded facts:
 * listener registration times, worker errors and exits, newer workers of the same name, queue limits.
 *
 * <p>Thread contract: used by one checker call; reads immutable inputs only.
 */
final class LossExplanations {

    static final String LATE_LISTENER_FIX = "register the 'message' listener synchronously at the top of the "
            + "worker script, before any asynchronous setup (or keep the default QUEUE_UNTIL_STARTED policy)";

    static final String MAIN_LATE_LISTENER_FIX = "register worker.on('message') (Courier: worker.onMessage) right "
            + "after creating the worker, before any await or other waiting: a message from the worker that arrives "
            + "while main has no listener is lost";
    private static final String MAIN = EndpointNames.MAIN;

    private final HistorySnapshot snapshot;
    private final EndpointFacts endpoints;

    LossExplanations(HistorySnapshot snapshot, EndpointFacts endpoints) {
        this.snapshot = snapshot;
        this.endpoints = endpoints;
    }

    Anomaly explain(List<LostMessage> group) {
        LostMessage first = group.get(0);
        List<Long> ids = group.stream().map(LostMessage::id).toList();
        int firstDrop = (int) group.stream().mapToLong(LostMessage::dropEventIndex).min().orElseThrow();
        EndpointFacts.Endpoint receiver = endpoints.get(first.receiver());
        if (first.stageThrew()) {
            return stageThrew(group, receiver, ids);
        }
        if (first.cause() == null) {
            return new Anomaly(AnomalyKind.LOST_UNKNOWN_CAUSE, receiver.label, ids, messages(group.size(), receiver)
                    + " dropped with no recorded cause", "record a DropCause wherever a message is dropped, or "
                    + "check the tap that recorded these drops");
        }
        return switch (first.cause()) {
            case NO_LISTENER -> noListener(group.size(), receiver, firstDrop, ids);
            case TERMINATED -> terminated(group.size(), receiver, firstDrop, ids);
            case WORKER_EXITED -> exited(group.size(), receiver, firstDrop, ids);
            case PORT_CLOSED -> closed(group.size(), receiver, firstDrop, ids);
            case OVERFLOW -> new OverflowExplanation(snapshot).explain(group.size(), receiver.label, firstDrop, ids);
        };
    }

    /** The fix of a message a stage's exception stopped: the exception is the cause, never a late delivery. */
    static final String STAGE_FAILED_FIX = "handle the exception where the stage throws it (catch it and retry, "
            + "fall back, or record the drop with its cause via StageTap.dropped / Recorder.recordDropped); a "
            + "CompletableFuture chain swallows an exception unless something reads the failed future "
            + "(exceptionally, handle or whenComplete)";

    // Leads with the exception and where it was thrown (the drop's detail names the stage or the future).
    private Anomaly stageThrew(List<LostMessage> group, EndpointFacts.Endpoint receiver, List<Long> ids) {
        LostMessage first = group.get(0);
        String where = snapshot.detail((int) first.dropEventIndex());
        String thrown = where != null ? where : "a stage threw " + first.error();
        long others = group.stream().map(lost -> lost.error().getClass()).distinct().count() - 1;
        boolean one = group.size() == 1;
        String explanation = messages(group.size(), receiver) + " never delivered because the stage carrying "
                + (one ? "it threw: " : "them threw; the first: ") + thrown + " (" + (one ? "message " : "messages ")
                + Text.ids(ids) + ")" + (others == 0 ? "" : "; " + others + " other exception "
                + (others == 1 ? "type" : "types") + " stopped the rest");
        return new Anomaly(AnomalyKind.STAGE_FAILED, receiver.label, ids, explanation, STAGE_FAILED_FIX);
    }

    // A worker is stopped by terminate(); any other endpoint (a tapped queue, executor or publisher) names
    // the call that discarded its messages in the drop's detail.
    private Anomaly terminated(int count, EndpointFacts.Endpoint receiver, int firstDrop, List<Long> ids) {
        if (receiver.isWorker()) {
            return new Anomaly(AnomalyKind.TERMINATED_WITH_QUEUED, receiver.label, ids,
                    "terminate() discarded " + Text.count(count, "queued message") + " to " + subject(receiver)
                    + " (TERMINATED)", "call close() to drain the queue before the worker stops, or wait for "
                    + "every message's acknowledgement before calling terminate()");
        }
        String how = snapshot.detail(firstDrop);
        return new Anomaly(AnomalyKind.TERMINATED_WITH_QUEUED, receiver.label, ids,
                Text.count(count, "queued message") + " to " + subject(receiver) + " " + Text.were(count)
                + " lost (TERMINATED)" + (how == null ? "" : ": " + how),
                "let the consumer drain what is queued before shutting the stage down (one end-of-stream "
                + "marker per producer, shutdown() then awaitTermination() rather than shutdownNow())");
    }

    private static String subject(EndpointFacts.Endpoint endpoint) {
        return (endpoint.isWorker() ? "worker `" : "`") + endpoint.label + "`";
    }

    private static String messages(int count, EndpointFacts.Endpoint receiver) {
        return Text.count(count, "message") + " to " + subject(receiver) + " " + Text.were(count);
    }

    private Anomaly noListener(int count, EndpointFacts.Endpoint receiver, int firstDrop, List<Long> ids) {
        String dropped = messages(count, receiver) + " dropped (NO_LISTENER) because ";
        int added = receiver.messageListenerAdds.isEmpty() ? -1 : receiver.messageListenerAdds.get(0);
        boolean main = MAIN.equals(receiver.label) && !receiver.isWorker();
        String advice = receiver.isWorker() ? "; register listeners synchronously at the top of the script"
                : main ? "; the main side of a worker does not buffer (Node's Worker is an EventEmitter)"
                : "; register listeners before messages can arrive";
        String fix = main ? MAIN_LATE_LISTENER_FIX : LATE_LISTENER_FIX;
        if (added < 0) {
            return new Anomaly(AnomalyKind.LATE_LISTENER, receiver.label, ids,
                    dropped + "it never registered a message listener" + advice, fix);
        }
        if (added < firstDrop) {
            return new Anomaly(AnomalyKind.LATE_LISTENER, receiver.label, ids, dropped + "it had no message "
                    + "listener when they arrived (its listeners had been removed)", "keep a 'message' listener "
                    + "registered while messages can arrive, or use the QUEUE_UNTIL_STARTED policy");
        }
        String late = receiver.online >= 0
                ? Text.millis(snapshot.timeNanos(added) - snapshot.timeNanos(receiver.online)) + " after it started"
                : Text.millis(snapshot.timeNanos(added) - snapshot.timeNanos(firstDrop))
                        + " after the first of them arrived";
        return new Anomaly(AnomalyKind.LATE_LISTENER, receiver.label, ids,
                dropped + "it registered its message listener " + late + advice, fix);
    }

    private Anomaly exited(int count, EndpointFacts.Endpoint worker, int firstDrop, List<Long> ids) {
        int error = -1;
        for (int at : worker.errors) {
            if (at <= firstDrop || error < 0) {
                error = at;
            }
        }
        String queued = " with " + Text.count(count, "message") + " queued; they were dropped (WORKER_EXITED)";
        if (error >= 0) {
            Throwable thrown = snapshot.error(error);
            String where = snapshot.detail(error);
            return new Anomaly(AnomalyKind.CRASHED_WITH_QUEUED, worker.label, ids, subject(worker) + " crashed with "
                    + (thrown == null ? "an unrecorded error" : thrown.toString())
                    + (where == null ? "" : " thrown in its " + where) + queued,
                    "keep every message until it is acknowledged and re-send the unacknowledged ones to the "
                    + "restarted worker (the WORKER_ERROR anomaly says how to stop the crash)");
        }
        String exit = worker.exit >= 0 ? " exited with code " + snapshot.number(worker.exit) : " exited";
        return new Anomaly(AnomalyKind.CRASHED_WITH_QUEUED, worker.label, ids, subject(worker) + exit + queued,
                "keep the worker running until its queue is drained: wait for acknowledgements before letting "
                + "the script end");
    }

    private Anomaly closed(int count, EndpointFacts.Endpoint target, int firstDrop, List<Long> ids) {
        String sent = Text.count(count, "message") + " " + Text.were(count) + " sent to " + subject(target);
        String dropped = "; they were dropped (PORT_CLOSED)";
        if (!target.isWorker()) {
            return new Anomaly(AnomalyKind.STALE_REFERENCE, target.label, ids, sent + " after it was closed"
                    + dropped, "stop posting to a port once it is closed, or close it only after its senders are done");
        }
        EndpointFacts.Endpoint newer = newerWorker(target, firstDrop);
        if (newer == null) {
            return new Anomaly(AnomalyKind.STALE_REFERENCE, target.label, ids, sent + " after it had exited"
                    + dropped, "stop sending to a worker once it has exited: listen for its exit and stop or "
                    + "redirect the sender");
        }
        return new Anomaly(AnomalyKind.STALE_REFERENCE, target.label, ids, sent + " after it had exited while a "
                + "newer worker of the same name (`" + newer.label + "`) was running" + dropped,
                "look the worker up at send time (or update every reference when a worker is restarted) instead "
                + "of keeping a reference to the exited one");
    }

    private EndpointFacts.Endpoint newerWorker(EndpointFacts.Endpoint target, int firstDrop) {
        EndpointFacts.Endpoint newest = null;
        for (EndpointFacts.Endpoint other : endpoints.all()) {
            boolean running = other.online >= 0 && other.online < firstDrop
                    && (other.exit < 0 || other.exit > firstDrop);
            if (other != target && running && other.workerName().equals(target.workerName())) {
                newest = newest == null || other.online > newest.online ? other : newest;
            }
        }
        return newest;
    }
}
