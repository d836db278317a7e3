package dev.courier.assertions.internal;

import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Counts the DELIVERED events of one receiver from a start index on, scanning each snapshot only past
 * what it already scanned, so a wait re-checking on every append stays linear.
 *
 * <p>Thread contract: not thread-safe; confined to the one waiting thread. Snapshots must come from
 * one log and grow (each at least as large as the one before).
 */
public final class ReceiverDeliveries {

    private final String receiver;
    private final List<String> firstDeliveries = new ArrayList<>();
    private int scanned;
    private int count;

    /** Counts deliveries to {@code receiver} at log index {@code from} and after. */
    public ReceiverDeliveries(String receiver, int from) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.scanned = from;
    }

    /** Scans what {@code snapshot} adds and returns the deliveries counted so far. */
    public int count(HistorySnapshot snapshot) {
        for (int index = scanned; index < snapshot.size(); index++) {
            if (snapshot.kind(index) == EventKind.DELIVERED && receiver.equals(snapshot.receiver(index))) {
                count++;
                if (firstDeliveries.size() < FailureText.MAX_LISTED) {
                    firstDeliveries.add(DeliveryFailureMessages.message(snapshot.messageId(index),
                            snapshot.sender(index), receiver, snapshot.sequence(index)));
                }
            }
        }
        scanned = Math.max(scanned, snapshot.size());
        return count;
    }

    /** The first counted deliveries, described ("message 7 main -> w#1 (seq 3)"). */
    public List<String> firstDeliveries() {
        return List.copyOf(firstDeliveries);
    }
}
