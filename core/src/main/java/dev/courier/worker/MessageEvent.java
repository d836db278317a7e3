package dev.courier.worker;

import java.util.List;

/**
 * A message as a listener receives it.
 *
 * @param data        the decoded payload (may be null: null is a legal payload, as in Node)
 * @param messageId   the id the history records it under
 * @param sender      the sending endpoint's label ({@code main}, {@code <name>#<id>}, {@code channel-1.port1})
 * @param receiver    the receiving endpoint's label
 * @param sequence    the sender's sequence number towards this receiver, from 1
 * @param sentAtNanos when it was sent, on the log's clock
 * @param ports       the ports transferred with it, in transfer-list order (empty if none)
 */
public record MessageEvent(Object data, long messageId, String sender, String receiver, long sequence,
                           long sentAtNanos, List<MessagePort> ports) {

    public MessageEvent {
        ports = List.copyOf(ports);
    }

    /** The payload cast to {@code type}, with a clear error if it is something else. */
    public <T> T data(Class<T> type) {
        if (data != null && !type.isInstance(data)) {
            throw new ClassCastException("message " + messageId + " from " + sender + " carries a "
                    + data.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(data);
    }
}
