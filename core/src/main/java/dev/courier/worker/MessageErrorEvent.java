package dev.courier.worker;

/**
 * A message that arrived but could not be decoded ({@code messageerror}).
 *
 * @param error     what the codec threw
 * @param messageId the message's id in the history
 * @param sender    the sending endpoint's label
 */
public record MessageErrorEvent(Throwable error, long messageId, String sender) {
}
