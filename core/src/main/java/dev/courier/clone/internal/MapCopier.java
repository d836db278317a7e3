package dev.courier.clone.internal;

import java.util.Arrays;
import java.util.Comparator;
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
    public void start(Object original, PathNode path, Sink sink, CopyContext context) {
        Map<?, ?> source = (Map<?, ?>) original;
        if (!sorted) {
            fill(source, factory.create(source, null), path, sink, context);
            return;
        }
        Object[] comparator = new Object[1];
        context.markInProgress(original);
        context.later(() -> fill(source, factory.create(source, (Comparator<?>) comparator[0]), path, sink, context));
        Comparators.schedule(Comparators.of(original), path, context, copy -> comparator[0] = copy);
    }

    private static void fill(Map<?, ?> source, Map<Object, Object> copy, PathNode path, Sink sink,
                             CopyContext context) {
        int size = source.size();
        context.account(path, source, 48L + 40L * size);
        context.register(source, copy);
        sink.accept(copy);
        // key, value, key, value... in iteration order; the copies replace them in a second array
        Object[] parts = new Object[2 * size];
        int count = 0;
        for (Map.Entry<?, ?> entry : source.entrySet()) {
            if (count == parts.length) {
                break;
            }
            parts[count++] = entry.getKey();
            parts[count++] = entry.getValue();
        }
        Object[] copies = count == parts.length ? parts.clone() : Arrays.copyOf(parts, count);
        int pending = context.replaceReady(copies, 0);
        if (pending == copies.length) {
            putAll(copy, copies, source, path); // every key and value was shared or copied already: no cursor needed
        } else {
            context.later(new EntryCursor(context, parts, copies, pending, copy, source, path));
        }
    }

    /** Puts the copied entries; user code failing meanwhile is a DataCloneException at the key's path. */
    private static void putAll(Map<Object, Object> copy, Object[] copies, Object source, PathNode path) {
        int i = 0;
        try {
            for (; i + 1 < copies.length; i += 2) {
                copy.put(copies[i], copies[i + 1]);
            }
        } catch (RuntimeException | StackOverflowError failure) {
            throw RebuildFailures.at(path.field("keySet()").position(i / 2), copies[i], source, failure);
        }
    }

    /** Replaces keys and values by their copies (key at 2i, value at 2i + 1), then puts them in order. */
    private static final class EntryCursor extends ChildCursor {
        private final Object[] parts;
        private final Object[] copies;
        private final Map<Object, Object> copy;
        private final Object source;
        private final PathNode path;
        private int next;

        EntryCursor(CopyContext context, Object[] parts, Object[] copies, int next, Map<Object, Object> copy,
                    Object source, PathNode path) {
            super(context);
            this.parts = parts;
            this.copies = copies;
            this.next = next;
            this.copy = copy;
            this.source = source;
            this.path = path;
        }

        @Override
        protected boolean hasNext() {
            return next < copies.length;
        }

        @Override
        protected void scheduleNext() {
            int at = context.replaceReady(copies, next);
            next = at + 1;
            if (at < copies.length) {
                int position = at / 2;
                // a value's path names its original key
                PathNode where = at % 2 == 0 ? path.field("keySet()").position(position)
                        : path.key(parts[at - 1], position);
                context.startChild(parts[at], where, copied -> copies[at] = copied);
            }
        }

        @Override
        protected void finish() {
            putAll(copy, copies, source, path);
        }
    }
}
