package dev.courier.history;

/**
 * A sent message neither delivered nor dropped when the snapshot was taken: still in flight. Immutable.
 *
 * @param id        message id
 * @param sender    sender label
 * @param receiver  receiver label
 * @param sequence  the sender's sequence number
 * @param queued    whether it was ENQUEUED (waiting in the receiver's queue) rather than only SENT
 * @param sentIndex index of its SENT event
 */
public record PendingMessage(long id, String sender, String receiver, long sequence, boolean queued,
                             long sentIndex) {
}
