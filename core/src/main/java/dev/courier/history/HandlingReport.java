package dev.courier.history;

import java.util.List;

/**
 * Whether delivered messages were handled: their listeners returned (HANDLED OK) or threw (HANDLED THREW).
 * A message can be DELIVERED while its listener still runs; only HANDLED says the listener finished.
 * Immutable; built by {@link Checks#handling(HistorySnapshot)}.
 *
 * @param handled    messages whose listeners all returned normally, at least once
 * @param inListener messages delivered (and decoded) whose listener has not finished yet
 * @param threw      messages whose listener threw, each with the thrown error
 */
public record HandlingReport(int handled, List<Handled> inListener, List<Handled> threw) {

    public HandlingReport {
        inListener = List.copyOf(inListener);
        threw = List.copyOf(threw);
    }

    /**
     * One message at its listener. Immutable.
     *
     * @param id         message id
     * @param sender     sender label
     * @param receiver   receiver label
     * @param sequence   the sender's sequence number
     * @param error      what the listener threw, or null
     * @param eventIndex index of the DELIVERED (in a listener) or HANDLED THREW event
     */
    public record Handled(long id, String sender, String receiver, long sequence, Throwable error, long eventIndex) {
    }
}
