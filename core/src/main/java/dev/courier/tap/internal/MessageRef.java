package dev.courier.tap.internal;

/**
 * The identity of one tapped message as the log knows it: id, sender label and the sender's sequence
 * number towards one receiver. Immutable.
 *
 * @param id       the log's message id
 * @param sender   the sender label, or null for a message delivered without a recorded send
 * @param sequence the sender's sequence number from 1, or 0 when there is no known sender
 */
public record MessageRef(long id, String sender, long sequence) {
}
