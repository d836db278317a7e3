package dev.courier.history.internal;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.DuplicatedMessage;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.LostMessage;
import dev.courier.history.PendingMessage;
import dev.courier.history.UnexpectedMessage;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the delivery verdicts into anomalies, one per cause and endpoint: losses by drop cause and
 * receiver (see {@link LossExplanations}), duplicates, unexpected deliveries and pending messages by
 * receiver.
 *
 * <p>Thread contract: pure functions over immutable inputs.
 */
final class DeliveryDiagnoses {

    private DeliveryDiagnoses() {
    }

    static List<Anomaly> of(HistorySnapshot snapshot, List<LostMessage> lost, List<DuplicatedMessage> duplicated,
                            List<UnexpectedMessage> unexpected, List<PendingMessage> pending) {
        List<Anomaly> anomalies = new ArrayList<>();
        if (!lost.isEmpty()) {
            LossExplanations losses = new LossExplanations(snapshot, EndpointFacts.of(snapshot));
            group(lost, message -> (message.stageThrew() ? "THREW" : String.valueOf(message.cause())) + " "
                    + message.receiver())
                    .forEach(group -> anomalies.add(losses.explain(group)));
        }
        group(duplicated, DuplicatedMessage::receiver).forEach(group -> anomalies.add(duplicates(snapshot, group)));
        group(unexpected, UnexpectedMessage::receiver).forEach(group -> anomalies.add(unexpected(group)));
        if (!pending.isEmpty()) {
            EndpointFacts endpoints = EndpointFacts.of(snapshot);
            group(pending, PendingMessage::receiver).forEach(group -> anomalies.add(pending(snapshot, group, endpoints)));
        }
        return anomalies;
    }

    static <T> List<List<T>> group(List<T> items, Function<T, String> key) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        for (T item : items) {
            groups.computeIfAbsent(key.apply(item), ignored -> new ArrayList<>()).add(item);
        }
        return new ArrayList<>(groups.values());
    }

    private static Anomaly duplicates(HistorySnapshot snapshot, List<DuplicatedMessage> group) {
        String receiver = group.get(0).receiver();
        StringBuilder which = new StringBuilder();
        for (int i = 0; i < Math.min(group.size(), 5); i++) {
            DuplicatedMessage message = group.get(i);
            which.append(i == 0 ? "" : ", ").append("message ").append(message.id()).append(" (from `")
                    .append(message.sender()).append("`, seq ").append(message.sequence()).append(") ")
                    .append(message.deliveries()).append(" times");
        }
        if (group.size() > 5) {
            which.append(" and ").append(group.size() - 5).append(" more");
        }
        String explanation = Text.count(group.size(), "message") + " " + Text.were(group.size())
                + " delivered more than once to `" + receiver + "`: " + which;
        List<Long> ids = group.stream().map(DuplicatedMessage::id).toList();
        if (reusedObject(snapshot, ids)) {
            return new Anomaly(AnomalyKind.DUPLICATE_DELIVERY, receiver, ids, explanation + "; the sender sent the "
                    + "same object again (reused and changed after it was sent)", "send a fresh copy for every "
                    + "message instead of reusing and mutating one object after sending it");
        }
        return new Anomaly(AnomalyKind.DUPLICATE_DELIVERY, receiver, ids,
                explanation, "make the receiver idempotent (deduplicate by message id) and find the re-send that "
                + "delivered the message again");
    }

    private static Anomaly unexpected(List<UnexpectedMessage> group) {
        String receiver = group.get(0).receiver();
        List<Long> ids = group.stream().map(UnexpectedMessage::id).toList();
        String explanation = Text.count(group.size(), "message") + " " + Text.were(group.size()) + " delivered to `"
                + receiver + "` but never recorded as sent: " + Text.ids(ids);
        return new Anomaly(AnomalyKind.UNEXPECTED_DELIVERY, receiver, ids, explanation,
                "send through an instrumented port or tap so every message records SENT, or find who injects these "
                + "messages");
    }

    private static Anomaly pending(HistorySnapshot snapshot, List<PendingMessage> group, EndpointFacts endpoints) {
        String receiver = group.get(0).receiver();
        long queued = group.stream().filter(PendingMessage::queued).count();
        List<Long> ids = group.stream().map(PendingMessage::id).toList();
        EndpointFacts.Endpoint endpoint = endpoints.get(receiver);
        String messages = Text.count(group.size(), "message") + " to `" + receiver + "` " + Text.were(group.size());
        if (queued == group.size() && endpoint.buffersUntilListened() && endpoint.messageListenerAdds.isEmpty()
                && !records(snapshot, receiver, EventKind.DELIVERED)) {
            // Nobody ever listened where these messages go: waiting longer will not deliver them.
            return new Anomaly(AnomalyKind.PENDING, receiver, ids, messages + " queued and never delivered because `"
                    + receiver + "` never registered a message listener (a port holds messages until one is added)",
                    "register the message listener on the endpoint the messages are sent to (for replies from a "
                    + "worker: worker.onMessage on the main side)");
        }
        int threw = firstThrew(snapshot, ids);
        if (threw >= 0) {
            return new Anomaly(AnomalyKind.PENDING, receiver, ids, messages + " never delivered: the stage that "
                    + "carries message " + snapshot.messageId(threw) + " failed with " + snapshot.error(threw)
                    + (snapshot.detail(threw) == null ? "" : " (" + snapshot.detail(threw) + ")"),
                    "handle the exception in that stage (a CompletableFuture chain swallows it unless something "
                    + "reads the failed future), or let it drop the message with a recorded cause");
        }
        if (queued == group.size() && endpoint.allConsumersStopped()) {
            int lastStop = endpoint.consumersStopped.get(endpoint.consumersStopped.size() - 1);
            String who = endpoint.consumersStopped.size() == 1 ? "consumer `" + snapshot.detail(lastStop) + "`"
                    : "every consumer (the last, `" + snapshot.detail(lastStop) + "`)";
            int left = snapshot.number(lastStop);
            return new Anomaly(AnomalyKind.PENDING, receiver, ids, messages + " left behind: " + who + " stopped at "
                    + "the end-of-stream message with " + Text.count(left, "message") + " still queued",
                    "put the end-of-stream message only after every producer has finished sending (one per "
                    + "consumer, after joining the producers), or drain the queue before stopping");
        }
        if (queued == 0 && !records(snapshot, receiver, EventKind.ENQUEUED) && records(snapshot, receiver,
                EventKind.DELIVERED)) {
            return new Anomaly(AnomalyKind.PENDING, receiver, ids, messages + " sent and never delivered while `"
                    + receiver + "` received others, and no drop was recorded: a stage between the send and `"
                    + receiver + "` lost " + them(group.size()) + " without a record",
                    "find the stage that loses messages on the way to `" + receiver + "` (state shared between "
                    + "threads without a lock, an exception swallowed) and make it record a drop with its cause");
        }
        if (queued == 0) {
            return new Anomaly(AnomalyKind.PENDING, receiver, ids, messages + " sent but never enqueued: whatever "
                    + "runs between the send and the enqueue neither enqueued nor dropped " + them(group.size())
                    + " (it threw or lost " + them(group.size()) + " without a record)",
                    "check the stage between send and enqueue; record its failures (e.g. Recorder.recordDropped with "
                    + "a cause) so the loss is explained");
        }
        if (endpoint.isWorker() && endpoint.exit < 0 || !endpoint.consumersStarted.isEmpty()
                || records(snapshot, receiver, EventKind.DELIVERED)) {
            int unqueued = group.size() - (int) queued;
            return new Anomaly(AnomalyKind.PENDING, receiver, ids, messages + " still queued (" + queued + " of "
                    + group.size() + ") while `" + receiver + "` was consuming: its consumer had not taken "
                    + them(group.size()) + " yet (it is slow, blocked or stopped)" + (unqueued == 0 ? ""
                    : "; " + unqueued + " " + Text.were(unqueued) + " sent but never enqueued"),
                    "wait for them with within(...) or handled(n), and check the thread stacks in the timeout's "
                    + "state for a blocked listener");
        }
        String explanation = messages + " still queued (" + queued + " of " + group.size() + ") with no consumer "
                + "recorded taking from `" + receiver + "`" + (queued == group.size() ? "" : "; "
                + (group.size() - queued) + " " + Text.were(group.size() - queued) + " sent but never enqueued");
        return new Anomaly(AnomalyKind.PENDING, receiver, ids, explanation,
                "start a consumer for `" + receiver + "` and keep it running until the queue is drained (take "
                + "through a tap so its consumers are recorded), or close() the receiver to drain it");
    }

    // A tap records a second send of the same object as ENQUEUED "sent again ..."; a changed payload as MUTATED.
    private static boolean reusedObject(HistorySnapshot snapshot, List<Long> ids) {
        Set<Long> wanted = new HashSet<>(ids);
        for (int index = 0, size = snapshot.size(); index < size; index++) {
            EventKind kind = snapshot.kind(index);
            if ((kind == EventKind.MUTATED_IN_FLIGHT || kind == EventKind.ENQUEUED && snapshot.detail(index) != null
                    && snapshot.detail(index).startsWith("sent again")) && wanted.contains(snapshot.messageId(index))) {
                return true;
            }
        }
        return false;
    }

    private static boolean records(HistorySnapshot snapshot, String receiver, EventKind kind) {
        for (int index = 0, size = snapshot.size(); index < size; index++) {
            if (snapshot.kind(index) == kind && receiver.equals(snapshot.receiver(index))) {
                return true;
            }
        }
        return false;
    }

    private static String them(int count) {
        return count == 1 ? "it" : "them";
    }

    // The first HANDLED THREW about one of these messages: a stage that carried it failed (e.g. a tracked future).
    private static int firstThrew(HistorySnapshot snapshot, List<Long> ids) {
        Set<Long> wanted = new HashSet<>(ids);
        for (int index = 0, size = snapshot.size(); index < size; index++) {
            if (snapshot.kind(index) == EventKind.HANDLED && snapshot.outcome(index) == Outcome.THREW
                    && wanted.contains(snapshot.messageId(index))) {
                return index;
            }
        }
        return -1;
    }
}
