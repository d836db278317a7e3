package dev.courier.worker.internal;

/**
 * A loop's "running a listener" activity, kept as its parts and turned into text only when a state or
 * stuck report reads it: building the text for every message would cost more than delivering it.
 *
 * <p>Thread contract: immutable; created on the loop thread, read by any thread through the loop's
 * volatile activity field. {@link #toString()} calls the listener's {@code toString} on the reading thread.
 *
 * @param type      "message" or "messageerror"
 * @param sender    the sender's label, or null to leave the sender out
 * @param port      the receiving port's label, or null to leave it out
 */
public record ListenerActivity(String type, Object listener, long messageId, String sender, String port) {

    @Override
    public String toString() {
        String text = type + " listener " + listener + " for message " + messageId;
        return sender == null ? text : text + " from " + sender + " on " + port;
    }
}
