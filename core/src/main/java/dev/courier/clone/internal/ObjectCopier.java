package dev.courier.clone.internal;

import dev.courier.clone.DataCloneException;
import java.lang.reflect.Field;
import org.objenesis.ObjenesisStd;
import org.objenesis.instantiator.ObjectInstantiator;

/**
 * Copies a user class field by field (rule C4): the copy is made without running any constructor
 * (Objenesis), every instance field of the class and its user superclasses is copied, private final and
 * transient fields included (structured clone is not serialization). The concrete class is kept.
 */
final class ObjectCopier implements CopyHandler {

    private static final ObjenesisStd OBJENESIS = new ObjenesisStd(true);

    private final ObjectInstantiator<?> instantiator;
    private final FieldPlan plan;

    ObjectCopier(Class<?> type) {
        this.instantiator = OBJENESIS.getInstantiatorOf(type);
        this.plan = FieldPlan.of(type);
    }

    @Override
    public void start(Object original, PathNode path, Sink sink, CopyContext context) {
        Object copy = instantiator.newInstance();
        context.account(path, original, 16L + 8L * plan.fields().length);
        context.register(original, copy);
        sink.accept(copy);
        scheduleFields(plan, original, copy, path, context);
    }

    /**
     * Copies the primitive fields and the reference fields whose copies need no work now, and leaves a
     * cursor for the rest from the first reference field that needs work.
     */
    static void scheduleFields(FieldPlan plan, Object original, Object copy, PathNode path, CopyContext context) {
        for (Field field : plan.primitives()) {
            copyPrimitive(field, original, copy, path);
        }
        Field[] references = plan.references();
        for (int i = 0; i < references.length; i++) {
            Object value = get(references[i], original, path);
            Object ready = context.copyIfReady(value);
            if (ready == CopyContext.PENDING) {
                context.later(new FieldCursor(context, references, i, original, copy, path));
                return;
            }
            set(references[i], copy, ready, path);
        }
    }

    /** Copies one primitive field through its typed accessors, so no value is boxed. */
    private static void copyPrimitive(Field field, Object from, Object to, PathNode path) {
        try {
            Class<?> type = field.getType();
            if (type == int.class) {
                field.setInt(to, field.getInt(from));
            } else if (type == long.class) {
                field.setLong(to, field.getLong(from));
            } else if (type == double.class) {
                field.setDouble(to, field.getDouble(from));
            } else if (type == boolean.class) {
                field.setBoolean(to, field.getBoolean(from));
            } else if (type == float.class) {
                field.setFloat(to, field.getFloat(from));
            } else if (type == byte.class) {
                field.setByte(to, field.getByte(from));
            } else if (type == char.class) {
                field.setChar(to, field.getChar(from));
            } else {
                field.setShort(to, field.getShort(from));
            }
        } catch (IllegalAccessException e) {
            throw inaccessible(field, path, e);
        }
    }

    static Object get(Field field, Object target, PathNode path) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw inaccessible(field, path, e);
        }
    }

    static void set(Field field, Object target, Object value, PathNode path) {
        try {
            field.set(target, value);
        } catch (IllegalAccessException e) {
            throw inaccessible(field, path, e);
        }
    }

    private static DataCloneException inaccessible(Field field, PathNode path, Exception cause) {
        return new DataCloneException(path.field(field.getName()).toString(), field.getDeclaringClass().getName(),
                "field " + field.getName() + " cannot be accessed", "open the package "
                + field.getDeclaringClass().getPackageName() + " to Courier (opens ... in module-info)", cause);
    }

    /** Walks the reference fields of one object; the sink of the field being copied. */
    private static final class FieldCursor extends ChildCursor implements Sink {
        private final Field[] fields;
        private final Object original;
        private final Object copy;
        private final PathNode path;
        private int next;
        /** The field whose copy the sink receives next. */
        private Field current;

        FieldCursor(CopyContext context, Field[] references, int next, Object original, Object copy, PathNode path) {
            super(context);
            this.fields = references;
            this.next = next;
            this.original = original;
            this.copy = copy;
            this.path = path;
        }

        @Override
        protected boolean hasNext() {
            return next < fields.length;
        }

        @Override
        protected void scheduleNext() {
            while (next < fields.length) {
                Field field = fields[next++];
                Object value = get(field, original, path);
                Object ready = context.copyIfReady(value);
                if (ready == CopyContext.PENDING) {
                    current = field;
                    context.startChild(value, path.field(field.getName()), this);
                    return;
                }
                set(field, copy, ready, path);
            }
        }

        @Override
        public void accept(Object copied) {
            set(current, copy, copied, path);
        }

        @Override
        protected boolean hasFinish() {
            return false;
        }
    }
}
