package dev.courier.clone.internal;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds where a non-serializable object sits in a payload, for the Java serialization codec's error:
 * a breadth-first walk over the same views the fidelity comparison uses, skipping transient fields.
 */
final class SerializationPathFinder {

    private record Step(Object value, PathNode path) {
    }

    private SerializationPathFinder() {
    }

    /** The path of the first non-serializable object of class {@code className}, or {@code $} if not found. */
    static String pathOf(Object payload, String className) {
        ArrayDeque<Step> queue = new ArrayDeque<>();
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        queue.add(new Step(payload, PathNode.ROOT));
        while (!queue.isEmpty()) {
            Step step = queue.poll();
            Object value = step.value();
            if (value == null || seen.put(value, Boolean.TRUE) != null) {
                continue;
            }
            if (!(value instanceof Serializable) && value.getClass().getName().equals(className)) {
                return step.path().toString();
            }
            enqueueChildren(Views.of(value), step.path(), queue);
        }
        return "$";
    }

    private static void enqueueChildren(View view, PathNode path, ArrayDeque<Step> queue) {
        switch (view.kind) {
            case KEYED -> {
                int position = 0;
                for (Map.Entry<?, ?> entry : view.parts().entrySet()) {
                    Object key = entry.getKey();
                    if (!view.transients().contains(key)) {
                        PathNode at = view.realMap ? path.key(key, position) : path.field(String.valueOf(key));
                        queue.add(new Step(entry.getValue(), at));
                        if (view.realMap) {
                            queue.add(new Step(key, path.field("keySet()").position(position)));
                        }
                    }
                    position++;
                }
            }
            case SEQUENCE, SET -> {
                List<?> elements = view.asList();
                for (int i = 0; i < elements.size(); i++) {
                    queue.add(new Step(elements.get(i), view.kind == View.Kind.SET ? path.position(i) : path.index(i)));
                }
            }
            default -> {
                // leaves and opaque values hold nothing to search
            }
        }
    }
}
