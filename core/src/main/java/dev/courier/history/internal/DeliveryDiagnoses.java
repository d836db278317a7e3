package dev.courier.history.internal;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.DuplicatedMessage;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.LostMessage;
import dev.courier.history.PendingMessage;
import dev.courier.history.UnexpectedMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            group(lost, message -> message.cause() + " " + message.receiver())
                    .forEach(group -> anomalies.add(losses.explain(group)));
        }
        group(duplicated, DuplicatedMessage::receiver).forEach(group -> anomalies.add(duplicates(group)));
        group(unexpected, UnexpectedMessage::receiver).forEach(group -> anomalies.add(unexpected(group)));
        if (!pending.isEmpty()) {
            EndpointFacts endpoints = EndpointFacts.of(snapshot);
            group(pending, PendingMessage::receiver).forEach(group -> anomalies.add(pending(group, endpoints)));
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

    private static Anomaly duplicates(List<DuplicatedMessage> group) {
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
        return new Anomaly(AnomalyKind.DUPLICATE_DELIVERY, receiver, group.stream().map(DuplicatedMessage::id).toList(),
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

    private static Anomaly pending(List<PendingMessage> group, EndpointFacts endpoints) {
        String receiver = group.get(0).receiver();
        long queued = group.stream().filter(PendingMessage::queued).count();
        List<Long> ids = group.stream().map(PendingMessage::id).toList();
        EndpointFacts.Endpoint endpoint = endpoints.get(receiver);
        if (queued == group.size() && endpoint.buffersUntilListened() && endpoint.messageListenerAdds.isEmpty()) {
            // Nobody ever listened where these messages go: waiting longer will not deliver them.
            return new Anomaly(AnomalyKind.PENDING, receiver, ids, Text.count(group.size(), "message") + " to `"
                    + receiver + "` " + Text.were(group.size()) + " queued and never delivered because `" + receiver
                    + "` never registered a message listener (a port holds messages until one is added)",
                    "register the message listener on the endpoint the messages are sent to (for replies from a "
                    + "worker: worker.onMessage on the main side)");
        }
        String explanation = Text.count(group.size(), "message") + " to `" + receiver + "` " + Text.were(group.size())
                + " still in flight when the snapshot was taken (" + queued + " queued, " + (group.size() - queued)
                + " sent but not enqueued): neither delivered nor dropped";
        return new Anomaly(AnomalyKind.PENDING, receiver, ids,
                explanation, "wait for delivery (await the log) before checking, or drain the receiver with close()");
    }
}
