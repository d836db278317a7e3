package dev.courier.history;

/**
 * A MESSAGE_ERROR event: a message that could not be decoded at its receiver.
 *
 * @param id         message id
 * @param sender     sender label
 * @param receiver   receiver label
 * @param outcome    {@link Outcome#HANDLED} (a messageerror listener got it) or {@link Outcome#UNHANDLED}
 * @param detail     recorded detail, or null
 * @param error      the decode error, or null
 * @param eventIndex index of the event
 */
public record MessageError(long id, String sender, String receiver, Outcome outcome, String detail, Throwable error,
                           long eventIndex) {

    /** Whether no messageerror listener received it. */
    public boolean isUnhandled() {
        return outcome == Outcome.UNHANDLED;
    }
}
