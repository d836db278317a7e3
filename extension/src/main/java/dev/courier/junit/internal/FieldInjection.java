package dev.courier.junit.internal;

import dev.courier.history.DeliveryLog;
import dev.courier.junit.CourierInject;
import dev.courier.junit.Probe;
import dev.courier.junit.Workers;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/** Assigns {@link CourierInject} fields of the test instances (the {@code @Nested} one and its enclosing ones). */
public final class FieldInjection {

    private FieldInjection() {
    }

    /**
     * Injects into every annotated field of {@code instance}.
     *
     * @throws IllegalStateException naming the field when it is static, final or of another type
     */
    public static void inject(Object instance, TestRun run) {
        for (Field field : AnnotationSupport.findAnnotatedFields(instance.getClass(), CourierInject.class,
                f -> true, HierarchyTraversalMode.TOP_DOWN)) {
            String where = "@CourierInject field " + field.getDeclaringClass().getName() + "." + field.getName();
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
                throw new IllegalStateException(where + " must be neither static nor final: it is assigned per test");
            }
            Object value = valueFor(field.getType(), run);
            if (value == null) {
                throw new IllegalStateException(where + " has type " + field.getType().getName()
                        + "; injectable types are Workers, Probe and DeliveryLog");
            }
            try {
                field.setAccessible(true);
                field.set(instance, value);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new IllegalStateException(where + " could not be assigned: " + e, e);
            }
        }
    }

    /** The injected value of {@code type}, or null when the type is not injectable. */
    public static Object valueFor(Class<?> type, TestRun run) {
        if (type == Workers.class) {
            return run.workers();
        }
        if (type == Probe.class) {
            return run.probe();
        }
        return type == DeliveryLog.class ? run.log() : null;
    }
}
