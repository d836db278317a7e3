package dev.courier.history;

/**
 * A WORKER_ERROR event: an uncaught exception in a worker. Immutable as far as the record goes (the
 * throwable is the recorded one).
 *
 * @param worker     the worker label
 * @param where      where it was thrown ("script" or "message listener"), or null
 * @param error      the throwable, or null when none was recorded
 * @param timeNanos  time of the event
 * @param eventIndex index of the event
 */
public record WorkerError(String worker, String where, Throwable error, long timeNanos, long eventIndex) {
}
