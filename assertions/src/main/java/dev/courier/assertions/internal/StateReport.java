package dev.courier.assertions.internal;

import dev.courier.history.Anomaly;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryCounts;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DeliveryReport;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.LiveState;
import dev.courier.history.QueueStats;
import java.util.List;
import java.util.Objects;

/**
 * The state a timed-out wait prints: message counts, counts per channel, queue depths per receiver,
 * every registered {@link LiveState} (listener state, worker thread stacks) and, for a wait about one
 * endpoint, the diagnosis at that endpoint. Stateless.
 */
public final class StateReport {

    private StateReport() {
    }

    /** The state of {@code log} now; {@code endpoint} (may be null) selects the anomalies shown. */
    public static String of(DeliveryLog log, String endpoint) {
        HistorySnapshot snapshot = log.snapshot();
        DeliveryReport delivery = Checks.delivery(snapshot);
        StringBuilder text = new StringBuilder("State at timeout (").append(snapshot.size()).append(" events):")
                .append("\n  messages: sent ").append(delivery.sentCount()).append(", delivered ")
                .append(delivery.deliveredCount()).append(", lost ").append(delivery.lost().size())
                .append(", duplicated ").append(delivery.duplicated().size()).append(", unexpected ")
                .append(delivery.unexpected().size()).append(", pending ").append(delivery.pending().size());
        appendChannels(text, delivery.channels());
        appendQueues(text, Checks.queues(snapshot).queues());
        appendLiveStates(text, log.liveStates());
        if (endpoint != null) {
            List<Anomaly> here = Checks.diagnose(snapshot).anomalies().stream()
                    .filter(anomaly -> Objects.equals(anomaly.endpoint(), endpoint)).toList();
            text.append("\n  diagnosis at `").append(endpoint).append("`:").append(here.isEmpty() ? " no anomalies" : "");
            here.stream().limit(FailureText.MAX_LISTED).forEach(anomaly -> text.append("\n    ").append(anomaly));
            more(text, here.size());
        }
        return text.toString();
    }

    private static void appendChannels(StringBuilder text, List<DeliveryCounts> channels) {
        if (channels.isEmpty()) {
            return;
        }
        text.append("\n  channels:");
        channels.stream().limit(FailureText.MAX_LISTED).forEach(channel -> text.append("\n    ").append(channel));
        more(text, channels.size());
    }

    private static void appendQueues(StringBuilder text, List<QueueStats> queues) {
        if (queues.isEmpty()) {
            text.append("\n  queues: nothing enqueued");
            return;
        }
        text.append("\n  queues:");
        queues.stream().limit(FailureText.MAX_LISTED).forEach(queue -> text.append("\n    ").append(queue(queue)));
        more(text, queues.size());
    }

    /** "`w#1`: depth 2, high-water mark 3 (enqueued 5, delivered 3, dropped 0)" */
    public static String queue(QueueStats queue) {
        return "`" + queue.receiver() + "`: depth " + queue.remaining() + ", high-water mark " + queue.highWaterMark()
                + " (enqueued " + queue.enqueued() + ", delivered " + queue.delivered() + ", dropped "
                + queue.dropped() + ")";
    }

    private static void appendLiveStates(StringBuilder text, List<LiveState> states) {
        if (states.isEmpty()) {
            text.append("\n  live participants: none registered");
            return;
        }
        text.append("\n  live participants:");
        for (LiveState state : states) {
            text.append("\n    ").append(state.label()).append(state.isAlive() ? " (alive):" : " (ended):");
            for (String line : describe(state).split("\\R")) {
                text.append("\n      ").append(line);
            }
        }
    }

    // A report must not fail because one participant's description does.
    private static String describe(LiveState state) {
        try {
            return String.valueOf(state.describe());
        } catch (RuntimeException e) {
            return "(describe() threw " + e + ")";
        }
    }

    private static void more(StringBuilder text, int total) {
        if (total > FailureText.MAX_LISTED) {
            text.append("\n    ... and ").append(total - FailureText.MAX_LISTED).append(" more");
        }
    }
}
