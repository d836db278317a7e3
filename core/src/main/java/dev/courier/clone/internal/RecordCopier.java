package dev.courier.clone.internal;

import dev.courier.clone.DataCloneException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Copies a record through its canonical constructor (rule C4), after copying its components. A record
 * whose components all come back identical (all immutable) is shared, not rebuilt.
 */
final class RecordCopier implements CopyHandler, BuildFromParts.Builder {

    /** The arguments of an accessor call: none, in one shared array rather than a new one per call. */
    private static final Object[] NO_ARGUMENTS = {};

    private final Method[] accessors;
    private final String[] names;
    private final Constructor<?> canonical;

    RecordCopier(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        accessors = new Method[components.length];
        names = new String[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
            names[i] = components[i].getName();
            types[i] = components[i].getType();
        }
        try {
            canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record without canonical constructor: " + type.getName(), e);
        }
    }

    @Override
    public void start(Object original, PathNode path, Sink sink, CopyContext context) {
        Object[] parts = new Object[accessors.length];
        for (int i = 0; i < accessors.length; i++) {
            parts[i] = read(accessors[i], original, path, names[i]);
        }
        context.account(path, original, 16L + 8L * parts.length);
        BuildFromParts.start(context, original, parts, path, names, this, sink);
    }

    private static Object read(Method accessor, Object record, PathNode path, String name) {
        try {
            return accessor.invoke(record, NO_ARGUMENTS);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new DataCloneException(path.field(name).toString(), record.getClass().getName(),
                    "the record accessor " + accessor.getName() + "() failed", "make the accessor side-effect free",
                    e instanceof InvocationTargetException ite ? ite.getCause() : e);
        }
    }

    @Override
    public Object build(Object original, Object[] copies, PathNode path) {
        return construct(original, copies, path);
    }

    private Object construct(Object original, Object[] copies, PathNode path) {
        try {
            return canonical.newInstance(copies);
        } catch (InvocationTargetException e) {
            throw new DataCloneException(path.toString(), original.getClass().getName(),
                    "the canonical constructor rejected the copied components: " + e.getCause(),
                    "make the canonical constructor accept every value its accessors return", e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new DataCloneException(path.toString(), original.getClass().getName(),
                    "the canonical constructor cannot be called: " + e, "open the record's package to Courier", e);
        }
    }
}
