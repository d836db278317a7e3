package dev.courier.clone.internal;

import dev.courier.clone.DataCloneException;
import java.lang.reflect.Array;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a {@code JSON.stringify} + {@code JSON.parse} round trip does to a payload, in plain Java: objects
 * and records become {@code LinkedHashMap<String, Object>}, collections and arrays {@code ArrayList},
 * numbers {@code Double} (NaN and infinities {@code null}), characters, enums, dates, times and UUIDs
 * {@code String}, functions (lambdas) and transient fields are dropped, the same object twice becomes
 * two objects, and a cycle is an error. A demonstration toy for fidelity reports, not a JSON library.
 *
 * <p>Like JSON parsers, it recurses and limits nesting depth ({@value #MAX_DEPTH}).
 */
public final class JsonLike {

    static final int MAX_DEPTH = 1000;

    private final IdentityHashMap<Object, Boolean> onPath = new IdentityHashMap<>();

    private JsonLike() {
    }

    /** The JSON-shaped rendition of {@code value}. */
    public static Object convert(Object value) {
        Object converted = new JsonLike().toJson(value, PathNode.ROOT, 0);
        return converted == DROPPED ? null : converted;
    }

    private Object toJson(Object value, PathNode path, int depth) {
        if (isFunction(value)) {
            return DROPPED; // JSON.stringify leaves out function-valued properties
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
        }
        if (value instanceof Character || value instanceof Enum<?> || value instanceof UUID
                || value instanceof TemporalAccessor) {
            return value instanceof Enum<?> e ? e.name() : value.toString();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof Optional<?> optional) {
            return toJson(optional.orElse(null), path, depth);
        }
        if (depth >= MAX_DEPTH) {
            throw new DataCloneException(path.toString(), value.getClass().getName(),
                    "nesting deeper than " + MAX_DEPTH, "use Codecs.structuredClone() for deep structures");
        }
        if (onPath.put(value, Boolean.TRUE) != null) {
            throw new DataCloneException(path.toString(), value.getClass().getName(),
                    "Converting circular structure to JSON", "JSON cannot express cycles; use Codecs.structuredClone()");
        }
        try {
            return container(value, path, depth + 1);
        } finally {
            onPath.remove(value);
        }
    }

    private Object container(Object value, PathNode path, int depth) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            int position = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                putIfPresent(out, String.valueOf(entry.getKey()),
                        toJson(entry.getValue(), path.key(entry.getKey(), position++), depth));
            }
            return out;
        }
        if (value instanceof Collection<?> || value.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            List<?> elements = value instanceof Collection<?> c ? new ArrayList<>(c) : arrayElements(value);
            for (int i = 0; i < elements.size(); i++) {
                Object element = elements.get(i);
                Object converted = toJson(element, path.index(i), depth);
                out.add(converted == DROPPED ? null : converted);
            }
            return out;
        }
        View view = Views.of(value);
        if (view.kind != View.Kind.KEYED) {
            return view.kind == View.Kind.LEAF ? String.valueOf(view.leaf) : new LinkedHashMap<>();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> part : view.parts().entrySet()) {
            if (!view.transients().contains(part.getKey())) {
                putIfPresent(out, String.valueOf(part.getKey()),
                        toJson(part.getValue(), path.field(String.valueOf(part.getKey())), depth));
            }
        }
        return out;
    }

    private static final Object DROPPED = new Object();

    private static void putIfPresent(Map<String, Object> out, String key, Object converted) {
        if (converted != DROPPED) {
            out.put(key, converted);
        }
    }

    private static boolean isFunction(Object value) {
        return value != null && (value.getClass().isSynthetic() || value.getClass().isHidden());
    }

    private static List<Object> arrayElements(Object array) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < Array.getLength(array); i++) {
            out.add(Array.get(array, i));
        }
        return out;
    }

}
