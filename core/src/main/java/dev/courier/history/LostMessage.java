package dev.courier.history;

/**
 * A message that was sent and dropped, never delivered. Immutable.
 *
 * @param id             message id
 * @param sender         sender label
 * @param receiver       receiver label
 * @param sequence       the sender's sequence number
 * @param cause          the recorded drop cause, or null when the DROPPED event carries none
 * @param dropEventIndex index of the DROPPED event in the log
 */
public record LostMessage(long id, String sender, String receiver, long sequence, DropCause cause,
                          long dropEventIndex) {
}
