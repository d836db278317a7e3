package dev.courier.history;

/**
 * Delivery counts of one channel (sender to receiver) or, with a null sender, of one receiver over all
 * its senders. Message counts, except {@code deliveries}, which counts DELIVERED events. Immutable.
 *
 * @param sender     sender label, or null for a per-receiver total
 * @param receiver   receiver label
 * @param sent       messages with a SENT event
 * @param deliveries DELIVERED events
 * @param ok         messages sent and delivered exactly once
 * @param lost       messages sent and dropped
 * @param duplicated messages sent and delivered more than once
 * @param unexpected messages delivered but never sent
 * @param pending    messages sent, neither delivered nor dropped
 */
public record DeliveryCounts(String sender, String receiver, int sent, int deliveries, int ok, int lost,
                             int duplicated, int unexpected, int pending) {

    /** "main->worker#3: sent 10, delivered 9, ok 9, lost 1, ..." */
    @Override
    public String toString() {
        return (sender == null ? "*" : sender) + "->" + receiver + ": sent " + sent + ", delivered " + deliveries
                + ", ok " + ok + ", lost " + lost + ", duplicated " + duplicated + ", unexpected " + unexpected
                + ", pending " + pending;
    }
}
