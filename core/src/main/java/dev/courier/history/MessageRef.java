package dev.courier.history;

/**
 * One message as an order report shows it. Immutable.
 *
 * @param id             message id
 * @param sender         sender label
 * @param receiver       receiver label
 * @param sequence       the sender's sequence number
 * @param sentIndex      index of its SENT event, -1 if none was recorded
 * @param sentNanos      time of its SENT event, 0 if none was recorded
 * @param deliveredIndex index of the DELIVERED event concerned
 * @param deliveredNanos time of that DELIVERED event
 */
public record MessageRef(long id, String sender, String receiver, long sequence, long sentIndex, long sentNanos,
                         long deliveredIndex, long deliveredNanos) {

    /** "message 12 from `main` (seq 5)" */
    public String describe() {
        return "message " + id + " from `" + sender + "` (seq " + sequence + ")";
    }
}
