package dev.courier.clone.internal;

import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

/**
 * Copies a mutable JDK map into a new, empty map of the same class, then puts the copied keys and
 * values in the original's iteration order (which reproduces a {@code LinkedHashMap}'s insertion or
 * access order). Sorted kinds get their comparator first. Keys are copied too: a key's own path is
 * {@code .keySet()[#i]}, a value's path is its key ({@code .name} or {@code [key]}).
 */
final class MapCopier implements CopyHandler {

    /** Makes the empty copy. */
    @FunctionalInterface
    interface Factory {
        Map<Object, Object> create(Map<?, ?> original, Comparator<?> comparator);
    }

    private final Factory factory;
    private final boolean sorted;

    MapCopier(Factory factory, boolean sorted) {
        this.factory = factory;
        this.sorted = sorted;
    }

    @Override
    public void start(Object original, PathNode path, Sink sink, CloneEngine engine) {
        Map<?, ?> source = (Map<?, ?>) original;
        if (!sorted) {
            fill(source, factory.create(source, null), path, sink, engine);
            return;
        }
        Object[] comparator = new Object[1];
        engine.markInProgress(original);
        engine.later(() -> fill(source, factory.create(source, (Comparator<?>) comparator[0]), path, sink, engine));
        Comparators.schedule(Comparators.of(original), path, engine, copy -> comparator[0] = copy);
    }

    private static void fill(Map<?, ?> source, Map<Object, Object> copy, PathNode path, Sink sink,
                             CloneEngine engine) {
        int size = source.size();
        engine.account(path, source, 48L + 40L * size);
        engine.register(source, copy);
        sink.accept(copy);
        engine.later(new EntryCursor(engine, source.entrySet().iterator(), new Object[2 * size], copy, path));
    }

    /** Copies keys and values into a buffer (key, value, key, value...), then puts them in order. */
    private static final class EntryCursor extends ChildCursor {
        private final Iterator<? extends Map.Entry<?, ?>> entries;
        private final Object[] buffer;
        private final Map<Object, Object> copy;
        private final PathNode path;
        private Map.Entry<?, ?> current;
        private int next;

        EntryCursor(CloneEngine engine, Iterator<? extends Map.Entry<?, ?>> entries, Object[] buffer,
                    Map<Object, Object> copy, PathNode path) {
            super(engine);
            this.entries = entries;
            this.buffer = buffer;
            this.copy = copy;
            this.path = path;
        }

        @Override
        protected boolean hasNext() {
            return next < buffer.length && (next % 2 == 1 || entries.hasNext());
        }

        @Override
        protected void scheduleNext() {
            while (hasNext()) {
                int at = next++;
                boolean isKey = at % 2 == 0;
                if (isKey) {
                    current = entries.next();
                }
                Object part = isKey ? current.getKey() : current.getValue();
                Object ready = engine.copyIfReady(part);
                if (ready == CloneEngine.PENDING) {
                    PathNode where = isKey ? path.field("keySet()").position(at / 2)
                            : path.key(current.getKey(), at / 2);
                    engine.startChild(part, where, copy -> buffer[at] = copy);
                    return;
                }
                buffer[at] = ready;
            }
        }

        @Override
        protected void finish() {
            for (int i = 0; i + 1 < next; i += 2) {
                copy.put(buffer[i], buffer[i + 1]);
            }
        }
    }
}
