package dev.courier.report.internal;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;

/**
 * One-line summaries of payloads and errors for a report: the type, a size where there is one, and the start of
 * {@code toString()}. A {@code toString()} that throws is reported, not propagated. Stateless.
 */
final class Summaries {

    private static final int TEXT = 120;

    private Summaries() {
    }

    static String of(Throwable error) {
        return error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }

    static String of(Object payload) {
        Class<?> type = payload.getClass();
        if (type.isArray()) {
            return type.getComponentType().getSimpleName() + "[" + Array.getLength(payload) + "]";
        }
        String size = payload instanceof Collection<?> collection ? " (" + collection.size() + " elements)"
                : payload instanceof Map<?, ?> map ? " (" + map.size() + " entries)" : "";
        String text;
        try {
            text = String.valueOf(payload);
        } catch (RuntimeException | StackOverflowError e) {
            text = "<toString() threw " + e.getClass().getSimpleName() + ">";
        }
        if (text.length() > TEXT) {
            text = text.substring(0, TEXT - 3) + "...";
        }
        return type.getSimpleName() + size + ": " + text;
    }
}
