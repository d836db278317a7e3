package dev.courier.junit.internal;

import dev.courier.history.AnomalyKind;
import dev.courier.junit.ExpectDeliveryFaults;
import dev.courier.junit.CourierConfig;
import dev.courier.sim.ManualClock;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Finds or creates a test's {@link TestRun} in the extension's store namespace, and reads its annotations. */
public final class Runs {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Runs.class);

    private Runs() {
    }

    /**
     * The test's run, created with {@code builder} as the builder level if it does not exist yet, on a fresh
     * {@link ManualClock} or {@code Simulation} when the test asks for one ({@link ClockDemand}).
     */
    @SuppressWarnings("deprecation") // computeIfAbsent is missing from the JUnit 5.14 line
    public static TestRun of(ExtensionContext context, Layer builder) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestRun.class, key -> new TestRun(
                Layers.resolve(context.getRequiredTestClass(), context.getTestMethod().orElse(null), builder,
                        context::getConfigurationParameter), ClockDemand.of(context, simulationSeed(context))),
                TestRun.class);
    }

    private static long simulationSeed(ExtensionContext context) {
        String text = context.getConfigurationParameter(CourierConfig.SIMULATION_SEED).orElse(null);
        if (text == null || text.isBlank()) {
            return CourierConfig.DEFAULT_SIMULATION_SEED;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration parameter " + CourierConfig.SIMULATION_SEED
                    + " must be a whole number, got '" + text + "'", e);
        }
    }

    /** The test's run if one was created. */
    public static Optional<TestRun> find(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(TestRun.class, TestRun.class));
    }

    /**
     * The fault kinds the test expects: from {@link ExpectDeliveryFaults} on the method, else on the class or its
     * enclosing classes (innermost first); all strict kinds when it lists none; none without the annotation.
     */
    public static Set<AnomalyKind> expectedFaults(Class<?> testClass, Method testMethod) {
        Optional<ExpectDeliveryFaults> found = testMethod == null ? Optional.empty() : find(testMethod);
        List<Class<?>> chain = ClassChain.innermostFirst(testClass);
        for (int i = 0; found.isEmpty() && i < chain.size(); i++) {
            found = find(chain.get(i));
        }
        if (found.isEmpty()) {
            return Set.of();
        }
        AnomalyKind[] kinds = found.get().value();
        return kinds.length == 0 ? Teardown.STRICT_KINDS : Set.copyOf(EnumSet.copyOf(List.of(kinds)));
    }

    private static Optional<ExpectDeliveryFaults> find(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, ExpectDeliveryFaults.class);
    }
}
