package dev.courier.assertions.internal;

import dev.courier.history.DeliveryLog;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.internal.DurationText;
import java.time.Duration;
import java.util.function.Function;

/**
 * Re-runs a check on every append to a log until it holds, its failure is settled (recorded facts make it
 * final: the wait ends at once and says so), or the timeout passes. Wakes on {@link DeliveryLog#await}, never on a timer.
 *
 * <p>Thread contract: blocks the calling thread for at most the timeout. The check runs on the calling
 * thread only, one snapshot at a time, so a check may keep state between snapshots. If the thread is
 * interrupted the wait ends, the interrupt flag is restored and the verdict fails with the state.
 */
public final class HistoryWait {

    private HistoryWait() {
    }

    /**
     * Waits for {@code check} to hold.
     *
     * @param endpoint the endpoint the wait is about (its anomalies are added to a timeout's state), or null
     * @return the holding verdict, a settled failure, or the last failure with the state at the timeout
     */
    public static <V> Verdict<V> until(DeliveryLog log, Function<HistorySnapshot, Verdict<V>> check, Duration timeout,
                                       String endpoint) {
        DurationText.requirePositive("timeout", timeout);
        // The verdict of the latest snapshot; written and read on this thread only.
        Object[] last = new Object[1];
        boolean settled;
        try {
            settled = log.await(snapshot -> {
                Verdict<V> verdict = check.apply(snapshot);
                last[0] = verdict;
                return verdict.settled();
            }, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failWithState(latest(last, log, check), log, "Interrupted while waiting up to "
                    + DurationText.of(timeout) + ".", endpoint);
        }
        Verdict<V> verdict = latest(last, log, check);
        if (verdict.isHeld()) {
            return verdict;
        }
        if (settled) {
            return verdict.withFailure(verdict.failure() + "\nStopped waiting before the " + DurationText.of(timeout)
                    + " timeout: the recorded facts already make this final.");
        }
        // A last look: an append may have landed between the final wake-up and the deadline.
        Verdict<V> now = check.apply(log.snapshot());
        return now.isHeld() ? now : failWithState(now, log, "Still not true after waiting "
                + DurationText.of(timeout) + ".", endpoint);
    }

    @SuppressWarnings("unchecked")
    private static <V> Verdict<V> latest(Object[] last, DeliveryLog log, Function<HistorySnapshot, Verdict<V>> check) {
        return last[0] == null ? check.apply(log.snapshot()) : (Verdict<V>) last[0];
    }

    private static <V> Verdict<V> failWithState(Verdict<V> verdict, DeliveryLog log, String why, String endpoint) {
        return verdict.withFailure(verdict.failure() + "\n" + why + " " + StateReport.of(log, endpoint));
    }
}
