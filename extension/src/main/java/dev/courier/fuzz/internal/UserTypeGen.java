package dev.courier.fuzz.internal;

import dev.courier.fuzz.Gen.ChoiceSource;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.objenesis.ObjenesisStd;
import org.objenesis.instantiator.ObjectInstantiator;

/**
 * Generates one user record (through its canonical constructor) or plain class (its no-arg constructor, or
 * none at all through Objenesis, then every instance field set reflectively, superclass fields included).
 * Below {@link #MAX_DEPTH} nested user types, references to user types are null, so recursive types end.
 *
 * <p>Thread contract: resolved once while the type's generators are built, then only read; safe to share.
 */
final class UserTypeGen {

    private static final int MAX_DEPTH = 3;
    private static final ObjenesisStd OBJENESIS = new ObjenesisStd(true);

    private final Class<?> type;
    private final String where;
    private final List<DepthGen> parts = new ArrayList<>();
    private final List<Field> fields = new ArrayList<>();
    private Constructor<?> constructor;
    private ObjectInstantiator<?> instantiator;

    UserTypeGen(Class<?> type, String where) {
        this.type = type;
        this.where = where;
    }

    /** Whether {@code type} is a class this generator may build: concrete, not from the JDK. */
    static boolean isUserType(Class<?> type) {
        return !type.isPrimitive() && !type.isArray() && !type.isInterface() && !type.isEnum()
                && !Modifier.isAbstract(type.getModifiers()) && !isJdk(type);
    }

    private static boolean isJdk(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.");
    }

    /**
     * Finds the generator of every component or field through {@code partGens} (given its generic type and a
     * name for errors), and the way to create the value.
     */
    void resolve(BiFunction<Type, String, DepthGen> partGens) {
        if (!isUserType(type)) {
            throw new IllegalArgumentException(where + " (" + type.getName() + ") is not a concrete user record or"
                    + " class; Payloads.of generates records and classes outside the JDK, with a constructor-free"
                    + " or no-arg way to create them");
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                parts.add(partGens.apply(components[i].getGenericType(),
                        "record component " + type.getSimpleName() + "." + components[i].getName()));
            }
            constructor = accessible(declared(types));
            return;
        }
        for (Class<?> at = type; at != Object.class; at = at.getSuperclass()) {
            if (isJdk(at)) {
                throw new IllegalArgumentException(where + ": " + type.getName() + " extends the JDK class "
                        + at.getName() + ", whose fields cannot be set without --add-opens");
            }
            for (Field field : at.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    String name = "field " + at.getSimpleName() + "." + field.getName();
                    parts.add(partGens.apply(field.getGenericType(), name));
                    if (!field.trySetAccessible()) {
                        throw new IllegalArgumentException(where + ": " + name + " is not accessible (is its"
                                + " module open to Courier?)");
                    }
                    fields.add(field);
                }
            }
        }
        Constructor<?> noArgs = declared();
        if (noArgs != null && noArgs.trySetAccessible()) {
            constructor = noArgs;
        } else {
            instantiator = OBJENESIS.getInstantiatorOf(type);
        }
    }

    private Constructor<?> declared(Class<?>... parameterTypes) {
        try {
            return type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private Constructor<?> accessible(Constructor<?> canonical) {
        if (canonical == null || !canonical.trySetAccessible()) {
            throw new IllegalArgumentException(where + ": the canonical constructor of " + type.getName()
                    + " is not accessible");
        }
        return canonical;
    }

    /** A value, or null past the depth limit (the root is always generated). */
    Object generate(ChoiceSource source, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        Object[] values = new Object[parts.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parts.get(i).generate(source, depth + 1);
        }
        try {
            if (type.isRecord()) {
                return constructor.newInstance(primitiveSafe(values, constructor.getParameterTypes()));
            }
            Object instance = constructor != null ? constructor.newInstance() : instantiator.newInstance();
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null || !fields.get(i).getType().isPrimitive()) {
                    fields.get(i).set(instance, values[i]);
                }
            }
            return instance;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(where + ": the constructor of " + type.getName()
                    + " rejected generated values: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(where + ": cannot create " + type.getName() + ": " + e, e);
        }
    }

    private static Object[] primitiveSafe(Object[] values, Class<?>[] types) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null && types[i].isPrimitive()) {
                throw new IllegalStateException("no value for primitive parameter " + i);
            }
        }
        return values;
    }
}
