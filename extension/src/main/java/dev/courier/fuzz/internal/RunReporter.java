package dev.courier.fuzz.internal;

/**
 * Receives what a run reports: its seed at the start, progress during long runs, notes and the result.
 * Keys are {@code courier.fuzz.seed}, {@code courier.fuzz.progress}, {@code courier.fuzz.note} and
 * {@code courier.fuzz.result}.
 *
 * <p>Thread contract: called on the thread running the property.
 */
@FunctionalInterface
public interface RunReporter {

    /** Reports one entry. */
    void report(String key, String value);
}
