package dev.courier.worker.internal;

import java.util.List;

/**
 * A decoded message as the delivering loop hands it to a port's message listeners; the public port turns
 * it into the event its listener takes.
 *
 * <p>Thread contract: immutable; created and used on the port owner's loop thread.
 *
 * @param data        the decoded payload (may be null)
 * @param messageId   the id the history records it under
 * @param sender      the sending endpoint's label
 * @param receiver    the receiving endpoint's label
 * @param sequence    the sender's sequence number towards this receiver, from 1
 * @param sentAtNanos when it was sent, on the log's clock
 * @param ports       the receiving-side handles of the ports transferred with it, in transfer-list order
 */
public record Arrival(Object data, long messageId, String sender, String receiver, long sequence,
                      long sentAtNanos, List<?> ports) {
}
