package dev.courier.assertions.internal;

import dev.courier.history.internal.DurationText;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The default bound of every Courier wait: a value scoped to the current thread wins (the JUnit extension
 * scopes each test's configured timeout to the thread running it), else a value set in code, else the system
 * property {@value #PROPERTY}, else {@link #FALLBACK}.
 *
 * <p>Thread contract: any thread may read or set it at any time; the global value is held in an atomic
 * reference, so a set is visible to every wait that starts after it returned; a scoped value is seen by its
 * own thread only. The property is read at each lookup, so it may be set after class loading.
 */
public final class DefaultTimeout {

    /** The system property read when no timeout was set in code. */
    public static final String PROPERTY = "courier.timeout.default";

    /** The timeout when neither code nor the property sets one. */
    public static final Duration FALLBACK = Duration.ofSeconds(5);

    private static final AtomicReference<Duration> SET = new AtomicReference<>();
    private static final ThreadLocal<Duration> SCOPED = new ThreadLocal<>();

    private DefaultTimeout() {
    }

    /** The current default. */
    public static Duration get() {
        Duration scoped = SCOPED.get();
        if (scoped != null) {
            return scoped;
        }
        Duration set = SET.get();
        if (set != null) {
            return set;
        }
        String property = System.getProperty(PROPERTY);
        return property == null || property.isBlank() ? FALLBACK : DurationText.parse("system property " + PROPERTY, property);
    }

    /** Sets the default for every later wait. */
    public static void set(Duration timeout) {
        SET.set(DurationText.requirePositive("default timeout", timeout));
    }

    /** Scopes {@code timeout} to the calling thread until the returned scope is closed (on that thread). */
    public static Runnable scope(Duration timeout) {
        Duration previous = SCOPED.get();
        SCOPED.set(DurationText.requirePositive("default timeout", timeout));
        return () -> {
            if (previous == null) {
                SCOPED.remove();
            } else {
                SCOPED.set(previous);
            }
        };
    }

    /** Forgets a value set in code: the property or {@link #FALLBACK} applies again. */
    public static void reset() {
        SET.set(null);
    }
}
