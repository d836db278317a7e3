package dev.courier.junit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that quote exact timeout texts or bounds, or that configure the timeout factor themselves: sets aside
 * the {@code courier.timeout.factor} system property a whole run may set ({@code -Pdeep}), so each test sees the
 * factors it configures (1 when none), and restores it afterwards.
 *
 * <p>Thread contract: for test classes run on one thread at a time (the build runs classes one by one).
 */
final class TimeoutFactorSetAside implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TimeoutFactorSetAside.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        String value = System.clearProperty(CourierConfig.TIMEOUT_FACTOR);
        if (value != null) {
            context.getStore(NAMESPACE).put(CourierConfig.TIMEOUT_FACTOR, value);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String value = context.getStore(NAMESPACE).remove(CourierConfig.TIMEOUT_FACTOR, String.class);
        if (value != null) {
            System.setProperty(CourierConfig.TIMEOUT_FACTOR, value);
        }
    }
}
