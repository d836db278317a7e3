package dev.courier.history;

import java.util.List;
import java.util.Objects;

/**
 * One diagnosed cause, grouped per cause and endpoint ("3 messages ..."), with an explanation built
 * only from recorded facts and the fix. Immutable.
 *
 * @param kind        the cause
 * @param endpoint    the endpoint label the cause belongs to (receiver, worker or sender)
 * @param messageIds  the messages concerned, in log order (empty for lifecycle anomalies)
 * @param explanation one or two sentences of recorded facts
 * @param fix         one sentence saying what to change
 */
public record Anomaly(AnomalyKind kind, String endpoint, List<Long> messageIds, String explanation, String fix) {

    public Anomaly {
        Objects.requireNonNull(kind, "kind");
        messageIds = List.copyOf(messageIds);
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(fix, "fix");
    }

    /** Whether this anomaly fails a history (see {@link AnomalyKind#isFailure()}). */
    public boolean isFailure() {
        return kind.isFailure();
    }

    /** "KIND at `endpoint`: explanation. Fix: fix." */
    @Override
    public String toString() {
        return kind + (endpoint == null ? "" : " at `" + endpoint + "`") + ": " + explanation + ". Fix: " + fix + ".";
    }
}
