package dev.courier.report.internal;

import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.Outcome;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a snapshot as JSON Lines, one event per line, with the fields documented in
 * {@link dev.courier.report}. Stateless; reads the snapshot column by column.
 */
public final class EventLines {

    /** Longest payload summary and detail text written, in characters; longer text is cut with "...". */
    public static final int MAX_TEXT = 200;

    private EventLines() {
    }

    /** Writes every event of {@code snapshot} to {@code out}, each line ended by {@code \n}. */
    public static void write(HistorySnapshot snapshot, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(256);
        for (int index = 0; index < snapshot.size(); index++) {
            line.setLength(0);
            append(snapshot, index, line);
            out.append(line).append('\n');
        }
    }

    /** Appends event {@code index} as one JSON object (no line end). */
    public static void append(HistorySnapshot snapshot, int index, StringBuilder out) {
        EventKind kind = snapshot.kind(index);
        out.append('{');
        Json.name(out, "index").append(index);
        Json.name(out, "kind").append('"').append(kind.name()).append('"');
        Json.name(out, "timeNanos").append(snapshot.timeNanos(index));
        if (kind.isMessageEvent()) {
            Json.name(out, "messageId").append(snapshot.messageId(index));
            Json.string(Json.name(out, "sender"), snapshot.sender(index));
            Json.name(out, "sequence").append(snapshot.sequence(index));
        } else if (isSharedAccess(kind)) {
            Json.string(Json.name(out, "sender"), snapshot.sender(index));
            Json.name(out, "sequence").append(snapshot.sequence(index));
        }
        String receiver = snapshot.receiver(index);
        if (receiver != null) {
            Json.string(Json.name(out, "receiver"), receiver);
        }
        if (hasNumber(kind)) {
            Json.name(out, "number").append(snapshot.number(index));
        }
        if (snapshot.cause(index) != null) {
            Json.name(out, "cause").append('"').append(snapshot.cause(index).name()).append('"');
        }
        if (snapshot.outcome(index) != Outcome.NONE) {
            Json.name(out, "outcome").append('"').append(snapshot.outcome(index).name()).append('"');
        }
        String detail = snapshot.detail(index);
        if (detail != null) {
            Json.string(Json.name(out, "detail"), cut(detail));
        }
        Throwable error = snapshot.error(index);
        if (error != null) {
            Json.string(Json.name(out, "error"), cut(Summaries.of(error)));
        }
        Object payload = snapshot.payload(index);
        if (payload != null) {
            Json.string(Json.name(out, "payload"), cut(Summaries.of(payload)));
        }
        out.append('}');
    }

    private static boolean hasNumber(EventKind kind) {
        return switch (kind) {
            case ENQUEUED, DELIVERED, DROPPED, WORKER_EXIT, LISTENER_ADDED, LISTENER_REMOVED -> true;
            default -> isSharedAccess(kind);
        };
    }

    // A SharedBuffer access: the thread as sender, the value as sequence, the index as number.
    private static boolean isSharedAccess(EventKind kind) {
        return kind == EventKind.SHARED_READ || kind == EventKind.SHARED_WRITE
                || kind == EventKind.SHARED_ATOMIC_UPDATE;
    }

    static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 3) + "...";
    }
}
