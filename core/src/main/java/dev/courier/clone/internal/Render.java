package dev.courier.clone.internal;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Short, one-line descriptions of values for differences and error messages. */
public final class Render {

    private static final int MAX = 80;

    private Render() {
    }

    /** A short description of {@code value}. */
    public static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return quote(text, '"');
        }
        if (value instanceof Character c) {
            return quote(String.valueOf(c), '\'');
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Views.BufferState) {
            return value.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.getDeclaringClass().getSimpleName() + "." + e.name();
        }
        if (value instanceof Date date) {
            return value.getClass().getSimpleName() + " " + date.toInstant();
        }
        if (value instanceof Class<?> type) {
            return type.getName();
        }
        Class<?> type = value.getClass();
        if (type.isArray()) {
            return type.getComponentType().getName() + "[" + Array.getLength(value) + "]";
        }
        if (value instanceof Collection<?> c) {
            return type.getName() + "(size " + c.size() + ")";
        }
        if (value instanceof Map<?, ?> m) {
            return type.getName() + "(size " + m.size() + ")";
        }
        if (Immutables.isShared(type) && !type.isRecord()) {
            return clip(value.toString());
        }
        return "a " + type.getName();
    }

    private static String quote(String text, char quote) {
        StringBuilder out = new StringBuilder().append(quote);
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || lone) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= MAX) {
            out.append("...");
        }
        return out.append(quote).toString();
    }

    private static String clip(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX) + "...";
    }

    /** The first eight elements of {@code list}, each rendered, {@code ", ..."} for the rest. */
    static String list(List<?> list) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < list.size() && i < 8; i++) {
            text.append(i == 0 ? "" : ", ").append(value(list.get(i)));
        }
        return text.append(list.size() > 8 ? ", ...]" : "]").toString();
    }
}
