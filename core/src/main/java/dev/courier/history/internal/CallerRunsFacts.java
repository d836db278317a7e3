package dev.courier.history.internal;

import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.OrderInversion;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The tasks a tapped executor's CallerRunsPolicy ran on the submitting thread (ENQUEUED "...: run by
 * CallerRunsPolicy on the submitting thread x"), so an order inversion whose overtaking message went through
 * such a task is explained by the policy: a rejected task run on the submitter's thread may overtake queued ones.
 * A message overtook by CallerRunsPolicy when it was itself such a task, or when such a task ran between its
 * SENT and its DELIVERED (a stage whose work was handed to the pool). The history is scanned for such tasks only
 * when an inversion is to be explained, so an order check without inversions pays nothing for it.
 *
 * <p>Thread contract: built and read by one checker call over an immutable snapshot.
 */
final class CallerRunsFacts {

    static final String MARK = "run by CallerRunsPolicy";

    private final HistorySnapshot snapshot;
    private int[] ranOnCaller;

    private CallerRunsFacts(HistorySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    static CallerRunsFacts of(HistorySnapshot snapshot) {
        return new CallerRunsFacts(snapshot);
    }

    private static int[] scan(HistorySnapshot snapshot) {
        int[] found = new int[8];
        int count = 0;
        for (int index = 0, size = snapshot.size(); index < size; index++) {
            if (snapshot.kind(index) == EventKind.ENQUEUED && snapshot.detail(index) != null
                    && snapshot.detail(index).contains(MARK)) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = index;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /**
     * For the first of {@code cases} at {@code receiver} whose overtaking message went through a task run by
     * CallerRunsPolicy: "message 7 ... overtook ...: `executor:lane` ... run by CallerRunsPolicy ..."; else null.
     */
    String explain(List<OrderInversion> cases, String receiver) {
        if (ranOnCaller == null) {
            ranOnCaller = scan(snapshot);
        }
        if (ranOnCaller.length == 0) {
            return null;
        }
        for (OrderInversion inversion : cases) {
            if (!Objects.equals(inversion.receiver(), receiver)) {
                continue;
            }
            int task = taskOf(inversion.deliveredFirst().id(), inversion.deliveredFirst().sentIndex(),
                    inversion.deliveredFirst().deliveredIndex());
            if (task >= 0) {
                String detail = snapshot.detail(task);
                String how = detail.substring(detail.indexOf(MARK));
                return "message " + inversion.deliveredFirst().id() + " overtook message "
                        + inversion.deliveredLater().id() + " because `" + snapshot.receiver(task) + "` was full and "
                        + "its task was " + how + ", while earlier tasks still waited in its queue: a rejected task "
                        + "run on the submitter's thread may overtake queued ones, so this order comes from the "
                        + "rejection policy";
            }
        }
        return null;
    }

    // The caller-run ENQUEUED of the message itself, or the first one between its send and its delivery.
    private int taskOf(long messageId, long sent, long delivered) {
        int from = sent < 0 ? 0 : insertionPoint(sent);
        for (int i = 0; i < ranOnCaller.length; i++) {
            if (snapshot.messageId(ranOnCaller[i]) == messageId && ranOnCaller[i] <= delivered) {
                return ranOnCaller[i];
            }
        }
        if (sent >= 0 && from < ranOnCaller.length && ranOnCaller[from] < delivered) {
            return ranOnCaller[from];
        }
        return -1;
    }

    private int insertionPoint(long index) {
        int at = Arrays.binarySearch(ranOnCaller, (int) index);
        return at >= 0 ? at : -at - 1;
    }
}
