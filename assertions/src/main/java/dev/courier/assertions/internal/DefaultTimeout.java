package dev.courier.assertions.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The default bound of every Courier wait: a value set in code wins, else the system property
 * {@value #PROPERTY}, else {@link #FALLBACK}.
 *
 * <p>Thread contract: any thread may read or set it at any time; the value is held in an atomic
 * reference, so a set is visible to every wait that starts after it returned. The property is read at
 * each lookup, so it may be set after class loading.
 */
public final class DefaultTimeout {

    /** The system property read when no timeout was set in code. */
    public static final String PROPERTY = "courier.timeout.default";

    /** The timeout when neither code nor the property sets one. */
    public static final Duration FALLBACK = Duration.ofSeconds(5);

    private static final AtomicReference<Duration> SET = new AtomicReference<>();

    private DefaultTimeout() {
    }

    /** The current default. */
    public static Duration get() {
        Duration set = SET.get();
        if (set != null) {
            return set;
        }
        String property = System.getProperty(PROPERTY);
        return property == null || property.isBlank() ? FALLBACK : Durations.parse(property, "system property " + PROPERTY);
    }

    /** Sets the default for every later wait. */
    public static void set(Duration timeout) {
        SET.set(Durations.requirePositive(timeout, "default timeout"));
    }

    /** Forgets a value set in code: the property or {@link #FALLBACK} applies again. */
    public static void reset() {
        SET.set(null);
    }
}
