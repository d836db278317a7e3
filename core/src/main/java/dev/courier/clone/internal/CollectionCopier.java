package dev.courier.clone.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;

/**
 * Copies a mutable JDK collection into a new, empty collection of the same class (made through public
 * constructors, so no {@code --add-opens} is needed), then adds the copied elements in the original's
 * iteration order. Sorted kinds get their comparator first (see {@link Comparators}).
 */
final class CollectionCopier implements CopyHandler {

    /** {@code Arrays.asList} lists have a fixed size: their copy is made full of nulls and set in place. */
    private static final Class<?> FIXED_SIZE_LIST = Arrays.asList().getClass();

    /** Makes the empty copy. */
    @FunctionalInterface
    interface Factory {
        Collection<Object> create(Collection<?> original, Comparator<?> comparator);
    }

    private final Factory factory;
    private final boolean sorted;

    CollectionCopier(Factory factory, boolean sorted) {
        this.factory = factory;
        this.sorted = sorted;
    }

    @Override
    public void start(Object original, PathNode path, Sink sink, CopyContext context) {
        Collection<?> source = (Collection<?>) original;
        if (!sorted) {
            fill(source, factory.create(source, null), path, sink, context);
            return;
        }
        Object[] comparator = new Object[1];
        context.markInProgress(original);
        context.later(() -> fill(source, factory.create(source, (Comparator<?>) comparator[0]), path, sink, context));
        Comparators.schedule(Comparators.of(original), path, context, copy -> comparator[0] = copy);
    }

    private static void fill(Collection<?> source, Collection<Object> copy, PathNode path, Sink sink,
                             CopyContext context) {
        context.account(path, source, 32L + 16L * source.size());
        context.register(source, copy);
        sink.accept(copy);
        // toArray lists the elements in iteration order, the order the copy is filled in
        Object[] buffer = source.toArray();
        int pending = context.replaceReady(buffer, 0);
        if (pending == buffer.length) {
            addAll(copy, buffer, source, path); // every element was shared or copied already: no cursor needed
        } else {
            context.later(new ElementCursor(context, buffer, pending, copy, source, path));
        }
    }

    /** Adds the copied elements; user code failing meanwhile is a DataCloneException at the element's path. */
    private static void addAll(Collection<Object> copy, Object[] elements, Object source, PathNode path) {
        try {
            addAll(copy, elements);
        } catch (RuntimeException | StackOverflowError failure) {
            copy.clear();
            for (int i = 0; i < elements.length; i++) {
                try {
                    copy.add(elements[i]);
                } catch (RuntimeException | StackOverflowError thrown) {
                    throw RebuildFailures.at(path.index(i), elements[i], source, thrown);
                }
            }
            throw RebuildFailures.at(path, source, source, failure);
        }
    }

    private static void addAll(Collection<Object> copy, Object[] elements) {
        if (copy.getClass() == FIXED_SIZE_LIST) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) copy;
            for (int i = 0; i < elements.length; i++) {
                list.set(i, elements[i]);
            }
        } else {
            copy.addAll(new BufferView(elements));
        }
    }

    /** The buffer as a collection whose toArray is the buffer itself: addAll then copies it only once. */
    private static final class BufferView extends AbstractList<Object> implements RandomAccess {
        private final Object[] elements;

        BufferView(Object[] elements) {
            this.elements = elements;
        }

        @Override
        public Object get(int index) {
            return elements[index];
        }

        @Override
        public int size() {
            return elements.length;
        }

        @Override
        public Object[] toArray() {
            return elements; // the buffer is dropped after addAll, so the copy may even keep it
        }
    }

    /**
     * Replaces the elements in a buffer by their copies, then adds them all in order; the sink of the element
     * being copied.
     */
    private static final class ElementCursor extends ChildCursor implements Sink {
        private final Object[] buffer;
        private final Collection<Object> copy;
        private final Object source;
        private final PathNode path;
        private int next;
        private int current;

        ElementCursor(CopyContext context, Object[] buffer, int next, Collection<Object> copy, Object source,
                      PathNode path) {
            super(context);
            this.buffer = buffer;
            this.next = next;
            this.copy = copy;
            this.source = source;
            this.path = path;
        }

        @Override
        protected boolean hasNext() {
            return next < buffer.length;
        }

        @Override
        protected void scheduleNext() {
            int at = context.replaceReady(buffer, next);
            next = at + 1;
            if (at < buffer.length) {
                current = at;
                context.startChild(buffer[at], path.index(at), this);
            }
        }

        @Override
        public void accept(Object value) {
            buffer[current] = value;
        }

        @Override
        protected void finish() {
            addAll(copy, buffer, source, path);
        }
    }
}
