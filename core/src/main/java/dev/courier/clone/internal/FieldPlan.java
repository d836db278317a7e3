package dev.courier.clone.internal;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The instance fields of a user class and its user superclasses (stopping at the first JDK class),
 * made accessible once and cached per class. Superclass fields come first.
 */
public final class FieldPlan {

    private static final ClassValue<FieldPlan> PLANS = new ClassValue<>() {
        @Override
        protected FieldPlan computeValue(Class<?> type) {
            return new FieldPlan(type);
        }
    };

    private final Field[] fields;
    private final Field[] primitives;
    private final Field[] references;
    private final RuntimeException failure;

    private FieldPlan(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> at = type; at != null && !JdkTypes.isJdk(at); at = at.getSuperclass()) {
            chain.add(0, at);
        }
        List<Field> found = new ArrayList<>();
        RuntimeException problem = null;
        for (Class<?> declaring : chain) {
            for (Field field : declaring.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                } catch (InaccessibleObjectException | SecurityException e) {
                    problem = e;
                }
                found.add(field);
            }
        }
        this.fields = found.toArray(new Field[0]);
        this.primitives = found.stream().filter(field -> field.getType().isPrimitive()).toArray(Field[]::new);
        this.references = found.stream().filter(field -> !field.getType().isPrimitive()).toArray(Field[]::new);
        this.failure = problem;
    }

    /** The plan for {@code type}. */
    public static FieldPlan of(Class<?> type) {
        return PLANS.get(type);
    }

    /** The fields, superclass fields first. */
    public Field[] fields() {
        return fields;
    }

    /** The fields of primitive type, in the order of {@link #fields()}. */
    public Field[] primitives() {
        return primitives;
    }

    /** The fields of reference type, in the order of {@link #fields()}. */
    public Field[] references() {
        return references;
    }

    /** Why the fields cannot be read (a package not opened to Courier), or null. */
    public RuntimeException failure() {
        return failure;
    }

    /** Whether {@code field} is transient. */
    public static boolean isTransient(Field field) {
        return Modifier.isTransient(field.getModifiers());
    }
}
