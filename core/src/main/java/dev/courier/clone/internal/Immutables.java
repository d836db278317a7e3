package dev.courier.clone.internal;

import dev.courier.clone.SharedByReference;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which values are shared instead of copied (design rule C1). Class verdicts are cached per class.
 *
 * <p>Shared: {@code String}, boxed primitives, {@code BigInteger}, {@code BigDecimal} (exact classes,
 * since subclasses may be mutable), enum constants, {@code java.time} values, {@code UUID}, {@code
 * Locale}, {@code URI}, {@code Pattern}, {@code OptionalInt/Long/Double}, {@code StackTraceElement},
 * {@code Class} objects, {@link SharedByReference} values, and records whose component types are all
 * of these (recursively).
 */
public final class Immutables {

    private static final Set<Class<?>> VALUE_CLASSES = Set.of(String.class, Boolean.class, Character.class,
            Byte.class, Short.class, Integer.class, Long.class, Float.class, Double.class, Void.class,
            BigInteger.class, BigDecimal.class, UUID.class, Locale.class, URI.class, Pattern.class,
            OptionalInt.class, OptionalLong.class, OptionalDouble.class, StackTraceElement.class, Class.class);

    private static final ClassValue<Boolean> SHARED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isSharedClass(type, new HashSet<>());
        }
    };

    private Immutables() {
    }

    /** Whether every value of exactly this class is shared rather than copied. */
    public static boolean isShared(Class<?> type) {
        return SHARED.get(type);
    }

    /** Whether {@code value} is shared rather than copied (null counts as shared). */
    public static boolean isShared(Object value) {
        return value == null || SHARED.get(value.getClass());
    }

    private static boolean isSharedClass(Class<?> type, Set<Class<?>> visiting) {
        if (type.isPrimitive() || VALUE_CLASSES.contains(type) || Enum.class.isAssignableFrom(type)
                || SharedByReference.class.isAssignableFrom(type) || isJavaTime(type)) {
            return true;
        }
        return type.isRecord() && isImmutableRecord(type, visiting);
    }

    private static boolean isJavaTime(Class<?> type) {
        return type.getName().startsWith("java.time.") && JdkTypes.isJdk(type);
    }

    private static boolean isImmutableRecord(Class<?> type, Set<Class<?>> visiting) {
        if (!visiting.add(type)) {
            return true; // a record type that refers to itself: decided by its other components
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (!isImmutableDeclaredType(component.getType(), visiting)) {
                return false;
            }
        }
        return true;
    }

    /** A declared type whose every possible value is shared (final, or an enum, or an immutable record). */
    private static boolean isImmutableDeclaredType(Class<?> type, Set<Class<?>> visiting) {
        if (type.isPrimitive() || type.isEnum()) {
            return true;
        }
        if (type.isRecord()) {
            return isImmutableRecord(type, visiting);
        }
        boolean closed = Modifier.isFinal(type.getModifiers()) || isJavaTime(type);
        return closed && isSharedClass(type, visiting);
    }
}
