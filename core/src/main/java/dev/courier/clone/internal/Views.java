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

    /** How the values of one class are viewed; decided once per class, in the order of the checks below. */
    private enum Shape {
        RECORD, SHARED, ARRAY, MAP, ORDERED_MAP, SET, ORDERED_SET, RANDOM_ACCESS_LIST, COLLECTION, THROWABLE, ENTRY,
        OPTIONAL, ATOMIC_REFERENCE, LEAF_VALUE, FIELDS, JDK_EQUALS, OPAQUE
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return shapeOf(type);
        }
    };

    private static final ClassValue<Boolean> IMMUTABLE_CONTAINERS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            String name = type.getName();
            return type.isRecord() || type == Optional.class
                    || name.startsWith("java.util.ImmutableCollections$")
                    || name.startsWith("java.util.Collections$Empty")
                    || name.startsWith("java.util.Collections$Singleton") || name.equals("java.util.KeyValueHolder")
                    || name.equals("java.util.AbstractMap$SimpleImmutableEntry");
        }
    };

    private static final String[] ENTRY_NAMES = {"key", "value"};
    private static final String[] GET_NAMES = {"get()"};
    private static final String[] NO_NAMES = {};
    /** The arguments of an accessor call: none, in one shared array rather than a new one per call. */
    private static final Object[] NO_ARGUMENTS = {};

    private static Shape shapeOf(Class<?> type) {
        if (type.isRecord()) {
            return Shape.RECORD;
        }
        if (Immutables.isShared(type)) {
            return Shape.SHARED;
        }
        if (type.isArray()) {
            return Shape.ARRAY;
        }
        if (Map.class.isAssignableFrom(type)) {
            return LinkedHashMap.class.isAssignableFrom(type) || SortedMap.class.isAssignableFrom(type)
                    ? Shape.ORDERED_MAP : Shape.MAP;
        }
        if (Set.class.isAssignableFrom(type)) {
            return LinkedHashSet.class.isAssignableFrom(type) || SortedSet.class.isAssignableFrom(type)
                    ? Shape.ORDERED_SET : Shape.SET;
        }
        if (Collection.class.isAssignableFrom(type)) {
            return List.class.isAssignableFrom(type) && RandomAccess.class.isAssignableFrom(type)
                    ? Shape.RANDOM_ACCESS_LIST : Shape.COLLECTION;
        }
        if (Throwable.class.isAssignableFrom(type)) {
            return Shape.THROWABLE;
        }
        if (Map.Entry.class.isAssignableFrom(type)) {
            return Shape.ENTRY;
        }
        if (Optional.class.isAssignableFrom(type)) {
            return Shape.OPTIONAL;
        }
        if (AtomicReference.class.isAssignableFrom(type)) {
            return Shape.ATOMIC_REFERENCE;
        }
        if (Date.class.isAssignableFrom(type) || BitSet.class.isAssignableFrom(type)
                || ByteBuffer.class.isAssignableFrom(type) || AtomicInteger.class.isAssignableFrom(type)
                || AtomicLong.class.isAssignableFrom(type) || AtomicBoolean.class.isAssignableFrom(type)) {
            return Shape.LEAF_VALUE;
        }
        if (!JdkTypes.isJdk(type)) {
            return Shape.FIELDS;
        }
        return overridesEquals(type) ? Shape.JDK_EQUALS : Shape.OPAQUE;
    }

    static View of(Object value) {
        switch (SHAPES.get(value.getClass())) {
            case RECORD:
                return recordView(value);
            case SHARED:
            case JDK_EQUALS:
                return View.leaf(value);
            case ARRAY:
                return View.sequence(arrayList(value), true);
            case MAP:
                return View.keyed((Map<?, ?>) value, true, Set.of(), false);
            case ORDERED_MAP:
                return View.keyed((Map<?, ?>) value, true, Set.of(), true);
            case SET:
                return View.set((Set<?>) value);
            case ORDERED_SET:
                return View.sequence(new ArrayList<>((Set<?>) value), true);
            case RANDOM_ACCESS_LIST:
                return View.sequence((List<?>) value, true);
            case COLLECTION:
                // indexed access must be cheap: a LinkedList is read into an array list first
                return View.sequence(new ArrayList<>((Collection<?>) value), true);
            case THROWABLE:
                return throwableView((Throwable) value);
            case ENTRY: {
                Map.Entry<?, ?> entry = (Map.Entry<?, ?>) value;
                return View.named(ENTRY_NAMES, new Object[] {entry.getKey(), entry.getValue()}, null);
            }
            case OPTIONAL: {
                Optional<?> optional = (Optional<?>) value;
                return optional.isPresent() ? View.named(GET_NAMES, new Object[] {optional.get()}, null)
                        : View.named(NO_NAMES, new Object[0], null);
            }
            case ATOMIC_REFERENCE:
                return View.named(GET_NAMES, new Object[] {((AtomicReference<?>) value).get()}, null);
            case LEAF_VALUE:
                return View.leaf(leafValue(value));
            case FIELDS:
                return fieldView(value);
            default:
                return View.opaque();
        }
    }

    /** Whether values of {@code type} are viewed as leaves holding themselves (shared values other than records). */
    static boolean isSharedLeafClass(Class<?> type) {
        return SHAPES.get(type) == Shape.SHARED;
    }

    /** Whether values of {@code type} are immutable containers (see {@link #isImmutableContainer}). */
    static boolean isImmutableContainerClass(Class<?> type) {
        return IMMUTABLE_CONTAINERS.get(type);
    }

    /** Whether an identical object on both sides is fine to descend into rather than NOT_ISOLATED. */
    static boolean isImmutableContainer(Object value) {
        return IMMUTABLE_CONTAINERS.get(value.getClass());
    }

    private static Object leafValue(Object value) {
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
        return value; // a Date or a BitSet
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
                values[i] = shape.accessors()[i].invoke(record, NO_ARGUMENTS);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                values[i] = "<unreadable: " + e + ">";
            }
        }
        return View.named(names, values, null);
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

    /**
     * A user class's fields as named parts, worked out once per class: a field hidden by a subclass field of
     * the same name is named {@code DeclaringClass.name}; a name met twice names one part (the later field's
     * value wins, as a map's put would).
     */
    private static final class FieldShape {
        final Field[] fields;
        final int[] slots;
        final String[] names;
        final boolean[] transientFlags;

        FieldShape(Class<?> type) {
            fields = FieldPlan.of(type).fields();
            slots = new int[fields.length];
            Map<String, Integer> slotOf = new LinkedHashMap<>();
            Set<String> transientNames = new HashSet<>();
            for (int f = 0; f < fields.length; f++) {
                Field field = fields[f];
                String name = slotOf.containsKey(field.getName())
                        ? field.getDeclaringClass().getSimpleName() + "." + field.getName() : field.getName();
                slots[f] = slotOf.computeIfAbsent(name, n -> slotOf.size());
                if (FieldPlan.isTransient(field)) {
                    transientNames.add(name);
                }
            }
            names = slotOf.keySet().toArray(new String[0]);
            boolean[] flags = new boolean[names.length];
            for (int i = 0; i < names.length; i++) {
                flags[i] = transientNames.contains(names[i]);
            }
            transientFlags = transientNames.isEmpty() ? null : flags;
        }
    }

    private static final ClassValue<FieldShape> FIELD_SHAPES = new ClassValue<>() {
        @Override
        protected FieldShape computeValue(Class<?> type) {
            return new FieldShape(type);
        }
    };

    private static View fieldView(Object value) {
        FieldShape shape = FIELD_SHAPES.get(value.getClass());
        Field[] fields = shape.fields;
        Object[] values = new Object[shape.names.length];
        for (int f = 0; f < fields.length; f++) {
            Object read;
            try {
                read = fields[f].get(value);
            } catch (IllegalAccessException | RuntimeException e) {
                read = "<unreadable: " + e + ">";
            }
            values[shape.slots[f]] = read;
        }
        return View.named(shape.names, values, shape.transientFlags);
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
