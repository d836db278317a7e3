package dev.courier.assertions;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Pins the timeout factor to 1 around each test of a class whose assertions quote exact timeout texts, so the
 * suite stays green when {@code courier.timeout.factor} is set for the whole run; the factor is forgotten after
 * each test (the property applies again).
 *
 * <p>Thread contract: JUnit calls it on the test's thread; the factor it sets is global.
 */
final class UnscaledTimeouts implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        CourierAssertions.setTimeoutFactor(1);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        CourierAssertions.resetTimeoutFactor();
    }
}
