package dev.courier.history;

/**
 * A MUTATED_IN_FLIGHT event: a payload shared by a sharing codec changed between send and delivery.
 * Immutable.
 *
 * @param id         message id
 * @param sender     sender label
 * @param receiver   receiver label
 * @param sequence   the sender's sequence number
 * @param detail     the recorded differences
 * @param eventIndex index of the MUTATED_IN_FLIGHT event
 */
public record InFlightMutation(long id, String sender, String receiver, long sequence, String detail,
                               long eventIndex) {
}
