package dev.courier.junit.internal;

import dev.courier.sim.ManualClock;
import dev.courier.sim.Simulation;
import dev.courier.worker.Scheduler;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Whether a test runs on virtual time, and on which scheduler: its method, or a {@code @BeforeEach} /
 * {@code @AfterEach} method of its class, superclasses or enclosing classes, declares a {@link ManualClock} (real
 * threads, time moved by the test) or a {@link Simulation} (no threads, seeded steps) parameter. Decided when the
 * test's state is created (in {@code beforeEach}), before any parameter is resolved, because the log must be
 * stamped by that clock from its first event.
 */
public final class ClockDemand {

    private ClockDemand() {
    }

    /** The virtual schedulers a test can ask for, by parameter type. */
    public static final List<Class<? extends Scheduler>> TYPES = List.of(ManualClock.class, Simulation.class);

    /** A fresh scheduler of the type the test of {@code context} asks for, or null for real time. */
    static Scheduler of(ExtensionContext context, long simulationSeed) {
        for (Class<? extends Scheduler> type : TYPES) {
            if (declared(context, type)) {
                return type == Simulation.class ? new Simulation(simulationSeed) : new ManualClock();
            }
        }
        return null;
    }

    private static boolean declared(ExtensionContext context, Class<?> type) {
        if (context.getTestMethod().map(method -> declares(method, type)).orElse(false)) {
            return true;
        }
        for (Class<?> level : ClassChain.innermostFirst(context.getRequiredTestClass())) {
            if (lifecycleDeclares(level, BeforeEach.class, type) || lifecycleDeclares(level, AfterEach.class, type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean lifecycleDeclares(Class<?> level, Class<? extends Annotation> lifecycle, Class<?> type) {
        return AnnotationSupport.findAnnotatedMethods(level, lifecycle, HierarchyTraversalMode.TOP_DOWN).stream()
                .anyMatch(method -> declares(method, type));
    }

    private static boolean declares(Method method, Class<?> type) {
        return Arrays.asList(method.getParameterTypes()).contains(type);
    }
}
