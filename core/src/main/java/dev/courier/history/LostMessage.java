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
 * @param error          the exception the DROPPED event carries (a tapped stage or a tracked future threw), or null
 */
public record LostMessage(long id, String sender, String receiver, long sequence, DropCause cause,
                          long dropEventIndex, Throwable error) {

    /** A lost message whose DROPPED event carries no exception. */
    public LostMessage(long id, String sender, String receiver, long sequence, DropCause cause, long dropEventIndex) {
        this(id, sender, receiver, sequence, cause, dropEventIndex, null);
    }

    /** Whether a stage that carried the message threw: no drop cause, but an exception recorded with the drop. */
    public boolean stageThrew() {
        return cause == null && error != null;
    }
}
