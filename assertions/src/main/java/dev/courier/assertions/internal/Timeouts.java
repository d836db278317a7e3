package dev.courier.assertions.internal;

import dev.courier.history.internal.DurationText;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The factor every Courier timeout is multiplied by, for slow CI machines: a value set in code, else a value scoped
 * to the current thread (the JUnit extension scopes the configuration parameter {@value #FACTOR_PROPERTY} to the
 * thread running each test), else the system property {@value #FACTOR_PROPERTY} (a positive number such as
 * {@code 2} or {@code 1.5}), else 1. It scales the bounds of {@code within(...)}, the default timeout and
 * "nothing for" windows alike.
 *
 * <p>Thread contract: any thread may read or set it; the value set in code is held in an atomic reference, a
 * scoped value is seen by its own thread only, and the property is read at each lookup.
 */
public final class Timeouts {

    /** The system property holding the factor. */
    public static final String FACTOR_PROPERTY = "courier.timeout.factor";

    private static final AtomicReference<Double> SET = new AtomicReference<>();
    private static final ThreadLocal<Double> SCOPED = new ThreadLocal<>();

    private Timeouts() {
    }

    /** The current factor (1 when none is configured). */
    public static double factor() {
        Double set = SET.get();
        if (set != null) {
            return set;
        }
        Double scoped = SCOPED.get();
        if (scoped != null) {
            return scoped;
        }
        String property = System.getProperty(FACTOR_PROPERTY);
        return property == null || property.isBlank() ? 1.0 : parse(property, "system property " + FACTOR_PROPERTY);
    }

    /** Sets the factor for every later wait; {@code null} forgets it (the property or 1 applies again). */
    public static void setFactor(Double factor) {
        SET.set(factor == null ? null : requireValid(factor, "timeout factor"));
    }

    /**
     * Scopes {@code factor} to the calling thread until the returned action runs (on that thread), which restores
     * the thread's previous scoped factor; a factor set in code still wins.
     *
     * @throws IllegalArgumentException naming {@code where} when the factor is not a positive number up to 1000
     */
    public static Runnable scope(double factor, String where) {
        Double previous = SCOPED.get();
        SCOPED.set(requireValid(factor, where));
        return () -> {
            if (previous == null) {
                SCOPED.remove();
            } else {
                SCOPED.set(previous);
            }
        };
    }

    /** {@code timeout} multiplied by the factor. */
    public static Duration dilate(Duration timeout) {
        double factor = factor();
        return factor == 1.0 ? timeout : Duration.ofNanos(Math.round(timeout.toNanos() * factor));
    }

    /** "5 s", or "10 s (5 s × timeout factor 2)" when a factor applies. */
    public static String describe(Duration given) {
        double factor = factor();
        if (factor == 1.0) {
            return DurationText.of(given);
        }
        String shown = factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor);
        return DurationText.of(dilate(given)) + " (" + DurationText.of(given) + " × timeout factor " + shown + ")";
    }

    /**
     * Reads a factor.
     *
     * @throws IllegalArgumentException naming {@code where} when the text is not a positive number
     */
    public static double parse(String text, String where) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": cannot read '" + text + "' as a timeout factor; use a "
                    + "positive number such as 2 or 1.5", e);
        }
        return requireValid(value, where);
    }

    private static double requireValid(double factor, String where) {
        if (!(factor > 0) || Double.isInfinite(factor) || factor > 1000) {
            throw new IllegalArgumentException(where + " must be a positive number up to 1000, got " + factor);
        }
        return factor;
    }
}
