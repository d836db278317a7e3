package dev.courier.node.internal;

import dev.courier.history.EndpointNames;
import dev.courier.node.NodeError;
import java.util.List;
import java.util.Map;

/**
 * One fact written by the Node-side instrumentation: a line {@code <RS>courier {json}} with the fact's kind
 * {@code k}, its place {@code s} in the program's total order, the writing thread {@code t}, and named fields.
 * {@link #parse} is the one reader of that format.
 *
 * <p>Thread contract: immutable once parsed.
 */
public record Fact(long seq, String kind, String thread, Map<String, Object> fields) {

    /** What starts a fact line on the program's stderr (the text before it is the program's own output). */
    public static final String MARK = "\u001ecourier ";

    /** Longer lines are refused: the instrumentation clips its texts well below this. */
    public static final int MAX_LINE = 64 * 1024;

    /**
     * Parses the JSON part of a fact line (after {@link #MARK}).
     *
     * @throws IllegalArgumentException naming what is wrong with the line
     */
    @SuppressWarnings("unchecked")
    public static Fact parse(String json) {
        if (json.length() > MAX_LINE) {
            throw new IllegalArgumentException("fact line of " + json.length() + " characters refused (at most "
                    + MAX_LINE + ")");
        }
        Object value = Json.parse(json);
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("fact line is not a JSON object: " + clip(json));
        }
        Map<String, Object> fields = (Map<String, Object>) map;
        if (!(fields.get("s") instanceof Long seq) || !(fields.get("k") instanceof String kind)) {
            throw new IllegalArgumentException("fact line lacks its kind \"k\" or sequence number \"s\": " + clip(json));
        }
        Object thread = fields.get("t");
        return new Fact(seq, kind, thread instanceof String text ? text : EndpointNames.MAIN, fields);
    }

    /** A text field, or null. */
    public String text(String name) {
        Object value = fields.get(name);
        return value == null ? null : String.valueOf(value);
    }

    /** A whole-number field, or {@code otherwise}. */
    public long number(String name, long otherwise) {
        return fields.get(name) instanceof Number value ? value.longValue() : otherwise;
    }

    /** A boolean field, or {@code otherwise}. */
    public boolean flag(String name, boolean otherwise) {
        return fields.get(name) instanceof Boolean value ? value : otherwise;
    }

    /** A list-of-texts field, empty when absent. */
    public List<String> texts(String name) {
        return fields.get(name) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** The error recorded in field {@code name} ({@code {name, message, stack}}), or null. */
    public NodeError error(String name) {
        if (!(fields.get(name) instanceof Map<?, ?> error)) {
            return null;
        }
        Object errorName = error.get("name");
        Object message = error.get("message");
        Object stack = error.get("stack");
        return new NodeError(errorName == null ? "Error" : String.valueOf(errorName),
                message == null ? "" : String.valueOf(message), stack == null ? "" : String.valueOf(stack));
    }

    private static String clip(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
