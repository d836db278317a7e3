package dev.courier.junit.internal;

import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.LiveState;
import dev.courier.history.internal.DurationText;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Failure and summary texts shared by the probe and the teardown. */
final class Texts {

    private static final int MAX_VALUE_CHARS = 200;

    private Texts() {
    }

    static String millis(Duration duration) {
        return DurationText.of(duration);
    }

    static String value(Object data) {
        String text = data == null ? "null" : data + " (" + data.getClass().getSimpleName() + ")";
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "...";
    }

    static String values(List<Object> data) {
        return data.stream().map(Texts::value).collect(Collectors.joining(", ", "[", "]"));
    }

    /** The probe's counts, the history's counts and the live participants, for a failed wait. */
    static String state(int taken, int waiting, DeliveryLog log) {
        HistorySnapshot snapshot = log.snapshot();
        StringBuilder text = new StringBuilder("  probe: ").append(taken).append(taken == 1 ? " message" : " messages").append(" taken before, ")
                .append(waiting).append(" waiting\n  history: ").append(counts(snapshot));
        for (LiveState state : log.liveStates()) {
            if (state.isAlive()) {
                text.append("\n  live `").append(state.label()).append("`: ")
                        .append(state.describe().replace("\n", "\n    "));
            }
        }
        return text.toString();
    }

    static String counts(HistorySnapshot snapshot) {
        return snapshot.size() + " events: " + snapshot.count(EventKind.SENT) + " sent, "
                + snapshot.count(EventKind.DELIVERED) + " delivered, " + snapshot.count(EventKind.DROPPED)
                + " dropped, " + snapshot.count(EventKind.CLONE_FAILED) + " clone failures, "
                + snapshot.count(EventKind.WORKER_ERROR) + " worker errors";
    }
}
