package dev.courier.history;

import java.util.List;

/**
 * A delivered payload that differs from the sent one. Immutable.
 *
 * @param id          message id
 * @param sender      sender label
 * @param receiver    receiver label
 * @param sequence    the sender's sequence number
 * @param differences the comparator's descriptions, one per difference
 */
public record FidelityMismatch(long id, String sender, String receiver, long sequence, List<String> differences) {

    public FidelityMismatch {
        differences = List.copyOf(differences);
    }
}
