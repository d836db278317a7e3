package dev.courier.fuzz.internal;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Prints counterexamples readably: strings quoted with invisible and non-ASCII characters escaped (so a lone
 * surrogate or NUL is visible), collections, maps, arrays and records expanded, cycles marked, long output
 * truncated.
 */
public final class Pretty {

    private static final int MAX_LENGTH = 4000;

    private final StringBuilder out = new StringBuilder();
    private final Set<Object> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private Pretty() {
    }

    /** The printed form of {@code value}. */
    public static String print(Object value) {
        Pretty pretty = new Pretty();
        pretty.append(value);
        String text = pretty.out.toString();
        return text.length() <= MAX_LENGTH ? text
                : text.substring(0, MAX_LENGTH) + "... (" + text.length() + " characters, truncated)";
    }

    private void append(Object value) {
        if (out.length() > MAX_LENGTH) {
            return;
        }
        if (value instanceof String s) {
            quote(s, '"');
        } else if (value instanceof Character c) {
            quote(String.valueOf(c), '\'');
        } else if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Enum) {
            out.append(value);
        } else if (!open.add(value)) {
            out.append("<cycle: ").append(value.getClass().getSimpleName()).append('>');
        } else {
            try {
                appendComposite(value);
            } finally {
                open.remove(value);
            }
        }
    }

    private void appendComposite(Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            joined(map.entrySet().iterator(), entry -> {
                append(entry.getKey());
                out.append('=');
                append(entry.getValue());
            });
            out.append('}');
        } else if (value instanceof Collection<?> collection) {
            out.append('[');
            joined(collection.iterator(), this::append);
            out.append(']');
        } else if (value.getClass().isArray()) {
            out.append('[');
            int length = Array.getLength(value);
            for (int i = 0; i < length; i++) {
                out.append(i == 0 ? "" : ", ");
                append(Array.get(value, i));
            }
            out.append(']');
        } else if (value.getClass().isRecord()) {
            appendRecord(value);
        } else {
            out.append(value);
        }
    }

    private void appendRecord(Object value) {
        out.append(value.getClass().getSimpleName()).append('[');
        RecordComponent[] components = value.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            out.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=');
            try {
                components[i].getAccessor().setAccessible(true);
                append(components[i].getAccessor().invoke(value));
            } catch (ReflectiveOperationException | RuntimeException e) {
                out.append("<unreadable: ").append(e.getClass().getSimpleName()).append('>');
            }
        }
        out.append(']');
    }

    private <T> void joined(Iterator<T> items, Consumer<T> each) {
        boolean first = true;
        while (items.hasNext() && out.length() <= MAX_LENGTH) {
            out.append(first ? "" : ", ");
            first = false;
            each.accept(items.next());
        }
    }

    private void quote(String s, char quote) {
        out.append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        out.append(quote);
    }
}
