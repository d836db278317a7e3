package dev.courier.clone.internal;

import java.util.AbstractCollection;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractQueue;
import java.util.AbstractSequentialList;
import java.util.AbstractSet;
import java.util.Set;

/** Facts about JDK classes, whose private state Courier must not reflect into. */
public final class JdkTypes {

    /** JDK base classes with no state a subclass copy needs (their fields are caches or counters). */
    private static final Set<Class<?>> STATELESS_BASES = Set.of(Object.class, Number.class,
            AbstractCollection.class, AbstractList.class, AbstractSequentialList.class, AbstractSet.class,
            AbstractQueue.class, AbstractMap.class);

    private JdkTypes() {
    }

    /** Whether {@code type} belongs to the JDK (a named {@code java.*} or {@code jdk.*} module). */
    public static boolean isJdk(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (element.isPrimitive()) {
            return true;
        }
        Module module = element.getModule();
        if (!module.isNamed()) {
            return false;
        }
        String name = module.getName();
        return name.startsWith("java.") || name.startsWith("jdk.");
    }

    /** The nearest JDK superclass of a user class (Object at worst). */
    public static Class<?> jdkBase(Class<?> type) {
        Class<?> at = type;
        while (!isJdk(at)) {
            at = at.getSuperclass();
        }
        return at;
    }

    /** Whether a user class may extend {@code base} and still be copied field by field. */
    public static boolean isStatelessBase(Class<?> base) {
        return STATELESS_BASES.contains(base);
    }
}
