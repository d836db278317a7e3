package dev.courier.junit.internal;

import dev.courier.assertions.internal.Timeouts;
import dev.courier.junit.CourierConfig;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Scopes the configuration parameter {@link CourierConfig#TIMEOUT_FACTOR} to the thread that runs a test, from
 * its before-each callback until its after-each callback has torn it down, so that every Courier timeout of the
 * test (assertions, probes, teardown) is multiplied by it. Without the parameter nothing is scoped.
 *
 * <p>Thread contract: opened and ended on the thread that runs the test's before- and after-each callbacks; the
 * scope is kept in the test's {@code ExtensionContext.Store} between them.
 */
public final class FactorScope {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FactorScope.class);

    private FactorScope() {
    }

    /**
     * Scopes the configured factor to the calling thread.
     *
     * @throws IllegalArgumentException naming the parameter when its value is not a positive number up to 1000
     */
    public static void open(ExtensionContext context) {
        Optional<String> text = context.getConfigurationParameter(CourierConfig.TIMEOUT_FACTOR)
                .filter(value -> !value.isBlank());
        if (text.isPresent()) {
            String where = "configuration parameter " + CourierConfig.TIMEOUT_FACTOR;
            Runnable restore = Timeouts.scope(Timeouts.parse(text.get(), where), where);
            context.getStore(NAMESPACE).put(FactorScope.class, restore);
        }
    }

    /** Ends the scope {@link #open} began, if any. */
    public static void close(ExtensionContext context) {
        Runnable restore = context.getStore(NAMESPACE).remove(FactorScope.class, Runnable.class);
        if (restore != null) {
            restore.run();
        }
    }
}
