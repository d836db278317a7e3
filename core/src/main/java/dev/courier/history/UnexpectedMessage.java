package dev.courier.history;

/**
 * A message delivered without a SENT event in the history. Immutable.
 *
 * @param id                 message id
 * @param sender             sender label recorded on the delivery
 * @param receiver           receiver label
 * @param sequence           sequence number recorded on the delivery
 * @param deliveries         how many DELIVERED events it has
 * @param firstDeliveryIndex index of its first DELIVERED event
 */
public record UnexpectedMessage(long id, String sender, String receiver, long sequence, int deliveries,
                                long firstDeliveryIndex) {
}
