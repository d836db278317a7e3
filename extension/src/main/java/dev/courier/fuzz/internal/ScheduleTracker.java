package dev.courier.fuzz.internal;

import dev.courier.history.HistorySnapshot;
import java.util.HashSet;
import java.util.Set;

/**
 * Follows a schedule run's history incrementally to tell when the worker has settled at a tick: nothing it
 * can still do before time moves. Settled means the listener is added if it is due, and every message is
 * handled or dropped, or waits in the queue behind a receiver busy past this tick or behind an absent listener
 * on a port that queues until started.
 *
 * <p>Thread contract: used only by the thread running the schedule (the log evaluates await conditions on the
 * waiting thread).
 */
final class ScheduleTracker {

    private final boolean queuesUntilStarted;
    private final int slowness;
    private final long tickNanos;
    private final Set<Long> queued = new HashSet<>();
    private int scanned;
    private long inFlight = -1;
    private long inFlightTick;
    private boolean listenerAdded;
    private String receiver = "";
    private int listenerTick;

    ScheduleTracker(boolean queuesUntilStarted, int slowness, long tickNanos) {
        this.queuesUntilStarted = queuesUntilStarted;
        this.slowness = slowness;
        this.tickNanos = tickNanos;
    }

    /** A (new) worker labelled {@code label} adds its listener at {@code tick}. */
    void receiver(String label, int tick) {
        receiver = label;
        listenerTick = tick;
        listenerAdded = false;
        inFlight = -1;
        queued.clear();
    }

    boolean listenerPending() {
        return !listenerAdded;
    }

    int listenerTick() {
        return listenerTick;
    }

    /** The tick at which the busy receiver finishes its message, or -1 when it is not busy. */
    int busyUntil() {
        return inFlight < 0 ? -1 : (int) inFlightTick + slowness;
    }

    boolean hasQueued() {
        return !queued.isEmpty();
    }

    void scan(HistorySnapshot history) {
        for (int i = scanned; i < history.size(); i++) {
            long id = history.messageId(i);
            switch (history.kind(i)) {
                case ENQUEUED -> queued.add(id);
                case DELIVERED -> {
                    queued.remove(id);
                    inFlight = id;
                    inFlightTick = history.timeNanos(i) / tickNanos;
                }
                case HANDLED, MESSAGE_ERROR -> inFlight = id == inFlight ? -1 : inFlight;
                case DROPPED -> {
                    queued.remove(id);
                    inFlight = id == inFlight ? -1 : inFlight;
                }
                case LISTENER_ADDED -> listenerAdded |= receiver.equals(history.receiver(i))
                        && "message".equals(history.detail(i));
                default -> { }
            }
        }
        scanned = history.size();
    }

    /** Whether the worker has settled at {@code tick}. */
    boolean settled(HistorySnapshot history, int tick) {
        scan(history);
        if (tick >= listenerTick && !listenerAdded) {
            return false;
        }
        boolean busy = false;
        if (inFlight >= 0) {
            if (busyUntil() <= tick) {
                return false;
            }
            busy = true;
        }
        return queued.isEmpty() || busy || (!listenerAdded && queuesUntilStarted);
    }

    String describe(int tick) {
        return "at tick " + tick + ": listener " + (listenerAdded ? "added" : "due at tick " + listenerTick)
                + ", " + queued.size() + " message(s) queued, " + (inFlight < 0 ? "receiver idle"
                : "receiver busy with message " + inFlight + " until tick " + busyUntil());
    }
}
