package dev.courier.junit.internal;

import dev.courier.sim.ManualClock;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Whether a test runs on a {@link ManualClock}: its method, or a {@code @BeforeEach} / {@code @AfterEach} method
 * of its class, superclasses or enclosing classes, declares a {@code ManualClock} parameter. Decided when the
 * test's state is created (in {@code beforeEach}), before any parameter is resolved, because the log must be
 * stamped by that clock from its first event.
 */
final class ClockDemand {

    private ClockDemand() {
    }

    /** True if the test of {@code context} asks for a manual clock. */
    static boolean of(ExtensionContext context) {
        if (context.getTestMethod().map(ClockDemand::declaresClock).orElse(false)) {
            return true;
        }
        for (Class<?> level : ClassChain.innermostFirst(context.getRequiredTestClass())) {
            if (lifecycleDeclaresClock(level, BeforeEach.class) || lifecycleDeclaresClock(level, AfterEach.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean lifecycleDeclaresClock(Class<?> level, Class<? extends Annotation> lifecycle) {
        return AnnotationSupport.findAnnotatedMethods(level, lifecycle, HierarchyTraversalMode.TOP_DOWN).stream()
                .anyMatch(ClockDemand::declaresClock);
    }

    private static boolean declaresClock(Method method) {
        return Arrays.asList(method.getParameterTypes()).contains(ManualClock.class);
    }
}
