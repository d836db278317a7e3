package dev.courier.clone.internal;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;

/**
 * Copies a user class that extends a cloneable JDK collection or map (e.g. {@code class Tags extends
 * ArrayList<String>}): the JDK part is made by the collection's public {@code clone()} and emptied (which
 * keeps JDK settings such as a comparator, shared), then the elements and the user fields are copied.
 */
final class SubclassCopier {

    private SubclassCopier() {
    }

    /** A handler for {@code type}, or null if its JDK base is not a cloneable collection or map. */
    static CopyHandler handlerFor(Class<?> type, Class<?> jdkBase) {
        if (!Cloneable.class.isAssignableFrom(jdkBase)
                || !(Collection.class.isAssignableFrom(jdkBase) || Map.class.isAssignableFrom(jdkBase))) {
            return null;
        }
        Method cloneMethod;
        try {
            cloneMethod = jdkBase.getMethod("clone");
        } catch (NoSuchMethodException e) {
            return null;
        }
        FieldPlan plan = FieldPlan.of(type);
        CopyHandler jdkPart = Collection.class.isAssignableFrom(jdkBase)
                ? new CollectionCopier((o, c) -> emptyClone(cloneMethod, o), false)
                : new MapCopier((o, c) -> emptyClone(cloneMethod, o), false);
        return (original, path, sink, context) -> jdkPart.start(original, path, copy -> {
            sink.accept(copy);
            ObjectCopier.scheduleFields(plan, original, copy, path, context);
        }, context);
    }

    @SuppressWarnings("unchecked")
    private static <T> T emptyClone(Method cloneMethod, Object original) {
        try {
            Object copy = cloneMethod.invoke(original);
            if (copy instanceof Collection<?> collection) {
                collection.clear();
            } else {
                ((Map<?, ?>) copy).clear();
            }
            return (T) copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("clone() failed on " + original.getClass().getName(), e);
        }
    }
}
