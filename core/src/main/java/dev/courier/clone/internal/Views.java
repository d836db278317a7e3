package dev.courier.clone.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds the {@link View} of a value through public APIs only: JDK objects by their accessors
 * (collections by content, throwables by message, stack trace, cause and suppressed), user objects by
 * their fields.
 */
public final class Views {

    private Views() {
    }

    static View of(Object value) {
        Class<?> type = value.getClass();
        if (type.isRecord()) {
            return recordView(value);
        }
        if (Immutables.isShared(type)) {
            return View.leaf(value);
        }
        if (type.isArray()) {
            return View.sequence(arrayList(value), true);
        }
        if (value instanceof Map<?, ?> map) {
            boolean ordered = map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?>;
            return View.keyed(map, true, Set.of(), ordered);
        }
        if (value instanceof Set<?> set) {
            boolean ordered = set instanceof LinkedHashSet<?> || set instanceof SortedSet<?>;
            return ordered ? View.sequence(new ArrayList<>(set), true) : View.set(set);
        }
        if (value instanceof Collection<?> collection) {
            // indexed access must be cheap: a LinkedList is read into an array list first
            return View.sequence(collection instanceof List<?> list && list instanceof RandomAccess ? list
                    : new ArrayList<>(collection), true);
        }
        if (value instanceof Throwable throwable) {
            return throwableView(throwable);
        }
        if (value instanceof Map.Entry<?, ?> entry) {
            return named(new String[] {"key", "value"}, new Object[] {entry.getKey(), entry.getValue()});
        }
        if (value instanceof Optional<?> optional) {
            return optional.isPresent() ? named(new String[] {"get()"}, new Object[] {optional.get()})
                    : View.keyed(Map.of(), false, Set.of(), false);
        }
        if (value instanceof AtomicReference<?> reference) {
            return named(new String[] {"get()"}, new Object[] {reference.get()});
        }
        Object leaf = leafValue(value);
        if (leaf != null) {
            return View.leaf(leaf);
        }
        if (!JdkTypes.isJdk(type)) {
            return fieldView(value);
        }
        return overridesEquals(type) ? View.leaf(value) : View.opaque();
    }

    /** Whether an identical object on both sides is fine to descend into rather than NOT_ISOLATED. */
    static boolean isImmutableContainer(Object value) {
        String name = value.getClass().getName();
        return value.getClass().isRecord() || value instanceof Optional<?>
                || name.startsWith("java.util.ImmutableCollections$") || name.startsWith("java.util.Collections$Empty")
                || name.startsWith("java.util.Collections$Singleton") || name.equals("java.util.KeyValueHolder")
                || name.equals("java.util.AbstractMap$SimpleImmutableEntry");
    }

    private static Object leafValue(Object value) {
        if (value instanceof Date || value instanceof BitSet) {
            return value;
        }
        if (value instanceof ByteBuffer buffer) {
            return BufferState.of(buffer);
        }
        if (value instanceof AtomicInteger a) {
            return a.get();
        }
        if (value instanceof AtomicLong a) {
            return a.get();
        }
        if (value instanceof AtomicBoolean a) {
            return a.get();
        }
        return null;
    }

    /** A record class's component names and accessors, looked up once per class. */
    private record RecordShape(String[] names, Method[] accessors, RuntimeException failure) {
    }

    private static final ClassValue<RecordShape> RECORD_SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Method[] accessors = new Method[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    names[i] = components[i].getName();
                    accessors[i] = components[i].getAccessor();
                    accessors[i].setAccessible(true);
                }
                return new RecordShape(names, accessors, null);
            } catch (RuntimeException e) {
                return new RecordShape(names, accessors, e);
            }
        }
    };

    private static View recordView(Object record) {
        RecordShape shape = RECORD_SHAPES.get(record.getClass());
        String[] names = shape.names();
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            try {
                if (shape.failure() != null) {
                    throw shape.failure();
                }
                values[i] = shape.accessors()[i].invoke(record);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                values[i] = "<unreadable: " + e + ">";
            }
        }
        return named(names, values);
    }

    private static View throwableView(Throwable throwable) {
        Map<Object, Object> parts = new LinkedHashMap<>();
        parts.put("message", throwable.getMessage());
        // as immutable lists: getSuppressed() returns one shared empty array for every throwable
        parts.put("stackTrace", List.of(throwable.getStackTrace()));
        Throwable cause = throwable.getCause();
        if (cause != null && cause != throwable) {
            parts.put("cause", cause);
        }
        parts.put("suppressed", List.of(throwable.getSuppressed()));
        Set<Object> transients = new HashSet<>();
        addFields(throwable, parts, transients);
        return View.keyed(parts, false, transients, false);
    }

    private static View fieldView(Object value) {
        Map<Object, Object> parts = new LinkedHashMap<>();
        Set<Object> transients = new HashSet<>();
        addFields(value, parts, transients);
        return View.keyed(parts, false, transients, false);
    }

    private static void addFields(Object value, Map<Object, Object> parts, Set<Object> transients) {
        for (Field field : FieldPlan.of(value.getClass()).fields()) {
            String name = parts.containsKey(field.getName())
                    ? field.getDeclaringClass().getSimpleName() + "." + field.getName() : field.getName();
            try {
                parts.put(name, field.get(value));
            } catch (IllegalAccessException | RuntimeException e) {
                parts.put(name, "<unreadable: " + e + ">");
            }
            if (FieldPlan.isTransient(field)) {
                transients.add(name);
            }
        }
    }

    private static View named(String[] names, Object[] values) {
        Map<Object, Object> parts = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            parts.put(names[i], values[i]);
        }
        return View.keyed(parts, false, Set.of(), false);
    }

    private static List<Object> arrayList(Object array) {
        if (array instanceof Object[] objects) {
            return Arrays.asList(objects);
        }
        int length = Array.getLength(array);
        return new AbstractList<>() {
            @Override
            public Object get(int index) {
                return Array.get(array, index);
            }

            @Override
            public int size() {
                return length;
            }
        };
    }

    private static boolean overridesEquals(Class<?> type) {
        try {
            return type.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** A ByteBuffer's observable state: position, limit, capacity, order, kind and whole content. */
    record BufferState(int position, int limit, int capacity, String order, boolean direct, boolean readOnly,
                       List<Byte> content) {
        static BufferState of(ByteBuffer buffer) {
            ByteBuffer all = buffer.duplicate();
            all.clear();
            byte[] bytes = new byte[all.remaining()];
            all.get(bytes);
            List<Byte> content = new ArrayList<>(bytes.length);
            for (byte b : bytes) {
                content.add(b);
            }
            return new BufferState(buffer.position(), buffer.limit(), buffer.capacity(), buffer.order().toString(),
                    buffer.isDirect(), buffer.isReadOnly(), content);
        }

        @Override
        public String toString() {
            return "ByteBuffer[pos=" + position + " lim=" + limit + " cap=" + capacity + " " + order
                    + (direct ? " direct" : " heap") + (readOnly ? " read-only" : "") + " content#"
                    + content.hashCode() + "]";
        }
    }
}
