package dev.courier.history;

/**
 * More listeners of one type on one endpoint than the threshold, like Node's
 * MaxListenersExceededWarning. Immutable.
 *
 * @param endpoint   the port or worker label that owns the listeners
 * @param type       the event type ("message", "messageerror", ...)
 * @param maxCount   the largest listener count recorded
 * @param threshold  the threshold it exceeded
 * @param eventIndex index of the first LISTENER_ADDED event above the threshold
 */
public record ListenerLeak(String endpoint, String type, int maxCount, int threshold, long eventIndex) {
}
