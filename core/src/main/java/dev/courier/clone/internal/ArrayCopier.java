package dev.courier.clone.internal;

import java.lang.reflect.Array;

/**
 * Copies arrays of every component type, multi-dimensional ones included (an array of arrays is an
 * object array whose elements are copied in turn). The component type is kept.
 */
final class ArrayCopier implements CopyHandler {

    static final ArrayCopier INSTANCE = new ArrayCopier();

    private ArrayCopier() {
    }

    @Override
    public void start(Object original, PathNode path, Sink sink, CopyContext context) {
        Class<?> component = original.getClass().getComponentType();
        int length = Array.getLength(original);
        context.account(path, original, 16L + (long) length * slotSize(component));
        if (component.isPrimitive()) {
            Object copy = primitiveClone(original);
            context.register(original, copy);
            sink.accept(copy);
            return;
        }
        Object[] source = (Object[]) original;
        if (context.allShared(source)) {
            // the copy holds the very same elements: clone() makes it in one step, component type kept
            Object[] copy = source.clone();
            context.register(original, copy);
            sink.accept(copy);
            return;
        }
        Object[] copy = (Object[]) Array.newInstance(component, length);
        context.register(original, copy);
        sink.accept(copy);
        context.later(new ElementCursor(context, source, copy, path));
    }

    /** Copies the elements of an object array into its copy, in order; the sink of the element being copied. */
    private static final class ElementCursor extends ChildCursor implements Sink {
        private final Object[] source;
        private final Object[] copy;
        private final PathNode path;
        private int next;
        private int current;

        ElementCursor(CopyContext context, Object[] source, Object[] copy, PathNode path) {
            super(context);
            this.source = source;
            this.copy = copy;
            this.path = path;
        }

        @Override
        protected boolean hasNext() {
            return next < source.length;
        }

        @Override
        protected void scheduleNext() {
            while (next < source.length) {
                int at = next++;
                Object ready = context.copyIfReady(source[at]);
                if (ready == CopyContext.PENDING) {
                    current = at;
                    context.startChild(source[at], path.index(at), this);
                    return;
                }
                copy[at] = ready;
            }
        }

        @Override
        public void accept(Object value) {
            copy[current] = value;
        }

        @Override
        protected boolean hasFinish() {
            return false;
        }
    }

    private static long slotSize(Class<?> component) {
        if (component == long.class || component == double.class) {
            return 8;
        }
        if (component == int.class || component == float.class) {
            return 4;
        }
        if (component == short.class || component == char.class) {
            return 2;
        }
        return component == byte.class || component == boolean.class ? 1 : 8;
    }

    private static Object primitiveClone(Object array) {
        if (array instanceof byte[] a) {
            return a.clone();
        } else if (array instanceof int[] a) {
            return a.clone();
        } else if (array instanceof long[] a) {
            return a.clone();
        } else if (array instanceof double[] a) {
            return a.clone();
        } else if (array instanceof float[] a) {
            return a.clone();
        } else if (array instanceof char[] a) {
            return a.clone();
        } else if (array instanceof short[] a) {
            return a.clone();
        }
        return ((boolean[]) array).clone();
    }
}
