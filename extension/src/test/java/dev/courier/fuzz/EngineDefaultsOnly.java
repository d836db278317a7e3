package dev.courier.fuzz;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests of the fuzzing engine's own mechanics (exact try counts, seeds, reports) run through
 * {@link Fuzz}: sets aside the {@code courier.fuzz.*} system properties a deep or replay run of the suite
 * configures ({@code -Dcourier.fuzz.tries=10000}), so these tests see the options they set, and restores
 * them afterwards. Properties of the suite's other tests keep the configured values.
 *
 * <p>Thread contract: for test classes run on one thread at a time (the build runs classes one by one).
 */
final class EngineDefaultsOnly implements BeforeEachCallback, AfterEachCallback {

    private static final String[] KEYS = {FuzzConfig.TRIES, FuzzConfig.TIME_BUDGET, FuzzConfig.SEED};
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EngineDefaultsOnly.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        Map<String, String> saved = new HashMap<>();
        for (String key : KEYS) {
            String value = System.clearProperty(key);
            if (value != null) {
                saved.put(key, value);
            }
        }
        context.getStore(NAMESPACE).put("saved", saved);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        Map<String, String> saved = context.getStore(NAMESPACE).remove("saved", Map.class);
        if (saved != null) {
            saved.forEach(System::setProperty);
        }
    }
}
