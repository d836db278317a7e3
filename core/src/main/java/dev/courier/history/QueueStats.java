package dev.courier.history;

/**
 * The queue of one receiver as recorded. Immutable.
 *
 * @param receiver      receiver label
 * @param highWaterMark the largest depth recorded by an ENQUEUED event
 * @param enqueued      messages ENQUEUED
 * @param delivered     of those, delivered
 * @param dropped       of those, dropped after they were enqueued (terminate, exit, DROP_OLDEST)
 * @param remaining     of those, neither delivered nor dropped: still queued at the snapshot
 */
public record QueueStats(String receiver, int highWaterMark, int enqueued, int delivered, int dropped,
                         int remaining) {
}
