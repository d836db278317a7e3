package dev.courier.assertions.internal;

import dev.courier.history.Anomaly;
import dev.courier.history.Checks;
import dev.courier.history.HistorySnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The endpoint expectations as functions from a snapshot to a verdict. Count checks keep an incremental
 * {@link EndpointProgress}, so each function is fresh per evaluation and confined to the evaluating thread.
 */
public final class EndpointVerdicts {

    private static final int MAX_RENDERED = 120;

    private EndpointVerdicts() {
    }

    /** Exactly or at least {@code expected} deliveries ("receive") or listener completions ("handle"). */
    public static Function<HistorySnapshot, Verdict<?>> count(String receiver, String what, int expected,
                                                            boolean exactly, Duration timeout) {
        EndpointProgress progress = new EndpointProgress(receiver, 0);
        return snapshot -> {
            progress.scan(snapshot);
            int found = what.equals("receive") ? progress.delivered() : progress.handled();
            if (found == expected || found > expected && !exactly) {
                return Verdict.holds(found);
            }
            if (found > expected) {
                return Verdict.failsForGood(found, EndpointFailureMessages.countFailure(receiver, what, true, expected,
                        timeout, progress, found, null, diagnosis(snapshot, receiver)));
            }
            String why = progress.impossibleReason(found, expected);
            String text = EndpointFailureMessages.countFailure(receiver, what, exactly, expected, timeout, progress, found,
                    why, why == null && timeout != null ? List.of() : diagnosis(snapshot, receiver));
            return why == null ? Verdict.fails(found, text) : Verdict.failsForGood(found, text);
        };
    }

    /** Every expected payload is among the deliveries (a multiset match by {@code equals}). */
    public static Function<HistorySnapshot, Verdict<?>> allOf(String receiver, List<Object> expected,
                                                            Duration timeout) {
        return snapshot -> {
            List<Object> received = payloads(receiver, snapshot);
            List<Object> unmatched = new ArrayList<>(received);
            List<String> missing = new ArrayList<>();
            for (Object wanted : expected) {
                if (!unmatched.remove(wanted)) {
                    missing.add(render(wanted));
                }
            }
            if (missing.isEmpty()) {
                return Verdict.holds(received);
            }
            return Verdict.fails(received, EndpointFailureMessages.missingPayloads(receiver, timeout, expected.size(),
                    missing, received.stream().map(EndpointVerdicts::render).toList(), retentionHint(received)));
        };
    }

    /** Some delivered payload matches; the failure lists the skipped ones. */
    public static Function<HistorySnapshot, Verdict<?>> fish(String receiver, String description,
                                                           Predicate<Object> matcher, Duration timeout) {
        return snapshot -> {
            List<Object> received = payloads(receiver, snapshot);
            for (Object payload : received) {
                if (matcher.test(payload)) {
                    return Verdict.holds(payload);
                }
            }
            return Verdict.fails(null, EndpointFailureMessages.notFished(receiver, timeout, description,
                    received.stream().map(EndpointVerdicts::render).toList(), retentionHint(received)));
        };
    }

    /** The delivered payloads from the first on while they match; ended once one does not. */
    public static Run run(String receiver, Predicate<Object> matcher, HistorySnapshot snapshot) {
        List<Object> matched = new ArrayList<>();
        for (Object payload : payloads(receiver, snapshot)) {
            if (!matcher.test(payload)) {
                return new Run(matched, true);
            }
            matched.add(payload);
        }
        return new Run(matched, false);
    }

    /**
     * A receive-while run. Immutable.
     *
     * @param matched the payloads that matched, in delivery order
     * @param ended   whether a non-matching delivery ended the run
     */
    public record Run(List<Object> matched, boolean ended) {
    }

    private static List<Object> payloads(String receiver, HistorySnapshot snapshot) {
        EndpointProgress progress = new EndpointProgress(receiver, 0).scan(snapshot);
        List<Object> payloads = new ArrayList<>(progress.deliveryIndexes().size());
        progress.deliveryIndexes().forEach(index -> payloads.add(snapshot.payload(index)));
        return payloads;
    }

    private static String retentionHint(List<Object> received) {
        return !received.isEmpty() && received.stream().allMatch(Objects::isNull)
                ? "Every delivered payload reads as null: payloads are compared only when retained "
                + "(WorkerOptions.retainPayloads(true), or @DeliveryOptions(retainPayloads = ...))." : null;
    }

    private static List<Anomaly> diagnosis(HistorySnapshot snapshot, String receiver) {
        return Checks.diagnose(snapshot).anomalies().stream()
                .filter(anomaly -> Objects.equals(anomaly.endpoint(), receiver)).toList();
    }

    static String render(Object payload) {
        String text = payload == null ? "null" : payload + " (" + payload.getClass().getSimpleName() + ")";
        return text.length() <= MAX_RENDERED ? text : text.substring(0, MAX_RENDERED) + "...";
    }
}
