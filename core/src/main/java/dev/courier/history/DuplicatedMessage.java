package dev.courier.history;

/**
 * A sent message delivered more than once. Immutable.
 *
 * @param id                 message id
 * @param sender             sender label
 * @param receiver           the receiver it was delivered to
 * @param sequence           the sender's sequence number
 * @param deliveries         how many DELIVERED events it has (2 or more)
 * @param firstDeliveryIndex index of its first DELIVERED event
 */
public record DuplicatedMessage(long id, String sender, String receiver, long sequence, int deliveries,
                                long firstDeliveryIndex) {
}
