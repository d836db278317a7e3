package dev.courier.assertions.internal;

import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.Outcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one receiver got so far, scanned incrementally: decoded deliveries (a delivery whose decoding failed is
 * not counted), listener completions (HANDLED OK), and the facts that make more deliveries impossible or
 * unlikely: drops and clone failures of messages meant for it, its exit or crash. Each snapshot is scanned only
 * past what was already scanned, so a wait re-checking on every append stays linear.
 *
 * <p>Thread contract: not thread-safe; confined to the one waiting thread. Snapshots must come from one log
 * and grow.
 */
public final class EndpointProgress {

    private final String receiver;
    private final List<String> firstDeliveries = new ArrayList<>();
    private final List<Integer> deliveryIndexes = new ArrayList<>();
    private final Set<Long> undecoded = new HashSet<>();
    private final List<Long> deliveredIds = new ArrayList<>();
    private int scanned;
    private int delivered;
    private int handled;
    private int sent;
    private int dropped;
    private int cloneFailed;
    private int exitedAt = -1;
    private int crashedAt = -1;

    /** Scans the events of {@code receiver} at log index {@code from} and after. */
    public EndpointProgress(String receiver, int from) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.scanned = from;
    }

    /** Scans what {@code snapshot} adds. */
    public EndpointProgress scan(HistorySnapshot snapshot) {
        for (int index = scanned; index < snapshot.size(); index++) {
            if (!receiver.equals(snapshot.receiver(index))) {
                continue;
            }
            switch (snapshot.kind(index)) {
                case SENT -> sent++;
                case DELIVERED -> {
                    if (undecoded.remove(snapshot.messageId(index))) {
                        continue;
                    }
                    delivered++;
                    deliveryIndexes.add(index);
                    deliveredIds.add(snapshot.messageId(index));
                    if (firstDeliveries.size() < FailureText.MAX_LISTED) {
                        firstDeliveries.add(DeliveryFailureMessages.message(snapshot.messageId(index),
                                snapshot.sender(index), receiver, snapshot.sequence(index)));
                    }
                }
                case MESSAGE_ERROR -> undecoded(snapshot.messageId(index));
                case HANDLED -> handled += snapshot.outcome(index) == Outcome.OK ? 1 : 0;
                case DROPPED -> dropped++;
                case CLONE_FAILED -> cloneFailed++;
                case WORKER_EXIT -> exitedAt = exitedAt < 0 ? index : exitedAt;
                case WORKER_ERROR -> crashedAt = crashedAt < 0 ? index : crashedAt;
                default -> {
                    // Other events do not change what this receiver can still get.
                }
            }
        }
        scanned = Math.max(scanned, snapshot.size());
        return this;
    }

    // A runtime records MESSAGE_ERROR before the DELIVERED of the same message; a recorder that wrote them the
    // other way round has its last counted delivery taken back.
    private void undecoded(long messageId) {
        int last = deliveredIds.size() - 1;
        if (last >= 0 && deliveredIds.get(last) == messageId) {
            deliveredIds.remove(last);
            deliveryIndexes.remove(last);
            delivered--;
        } else {
            undecoded.add(messageId);
        }
    }

    public String receiver() {
        return receiver;
    }

    /** Decoded deliveries counted so far. */
    public int delivered() {
        return delivered;
    }

    /** Listener completions (HANDLED OK) counted so far. */
    public int handled() {
        return handled;
    }

    /** The log indexes of the counted deliveries, in log order. */
    public List<Integer> deliveryIndexes() {
        return deliveryIndexes;
    }

    /** The first counted deliveries, described ("message 7 main -> w#1 (seq 3)"). */
    public List<String> firstDeliveries() {
        return List.copyOf(firstDeliveries);
    }

    /**
     * Why {@code expected} can no longer be reached with {@code counted} so far, or null while it still can:
     * the receiver exited or crashed, or messages meant for it were dropped or failed to clone and what is
     * still in flight cannot make up the difference.
     */
    public String impossibleReason(int counted, int expected) {
        if (counted >= expected) {
            return null;
        }
        int inFlight = Math.max(0, sent - delivered - dropped);
        // Delivered messages still in their listener may yet count as handled.
        boolean lostForGood = (dropped > 0 || cloneFailed > 0) && Math.max(counted, delivered) + inFlight < expected;
        // A crash is final once the worker exited or what it dropped cannot be made up; it is named first.
        if (crashedAt >= 0 && (exitedAt >= 0 || lostForGood)) {
            return "`" + receiver + "` crashed (WORKER_ERROR)" + (dropped == 0 ? "" : " and "
                    + FailureText.count(dropped, "message") + " meant for it " + FailureText.was(dropped) + " dropped");
        }
        if (exitedAt >= 0) {
            return "`" + receiver + "` exited";
        }
        if (lostForGood) {
            return (dropped > 0 ? FailureText.count(dropped, "message") + " meant for it " + FailureText.was(dropped)
                    + " dropped" : "") + (dropped > 0 && cloneFailed > 0 ? " and " : "")
                    + (cloneFailed > 0 ? FailureText.count(cloneFailed, "message") + " meant for it failed to clone"
                    : "") + (inFlight == 0 ? " and none is in flight" : " and only " + inFlight + " " + (inFlight == 1
                    ? "is" : "are") + " in flight");
        }
        return null;
    }
}
