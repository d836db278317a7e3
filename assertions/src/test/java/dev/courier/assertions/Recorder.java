package dev.courier.assertions;

import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventDraft;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import java.util.function.LongSupplier;

/**
 * Records hand-made histories on a manual clock, so every time in a diagnosis is exact. Appends are
 * thread-safe (the log serializes them); moving the clock is meant for the test thread only.
 */
final class Recorder {

    final ManualClock clock = new ManualClock();
    final DeliveryLog log = DeliveryLog.create(clock);

    /** A nanosecond clock that moves only when told to. */
    static final class ManualClock implements LongSupplier {
        private volatile long now = 1_000_000_000L;

        @Override
        public long getAsLong() {
            return now;
        }

        void advanceMillis(long millis) {
            now += millis * 1_000_000L;
        }
    }

    Recorder at(long millisLater) {
        clock.advanceMillis(millisLater);
        return this;
    }

    DeliveryEndpoint endpoint(String label) {
        return DeliveryEndpoint.of(label, log);
    }

    EventDraft message(EventKind kind, long id, long seq, String from, String to) {
        return log.record(kind).message(id, seq).between(from, to);
    }

    long sent(long id, long seq, String from, String to) {
        return message(EventKind.SENT, id, seq, from, to).append();
    }

    long enqueued(long id, long seq, String from, String to, int depth) {
        return message(EventKind.ENQUEUED, id, seq, from, to).number(depth).append();
    }

    long delivered(long id, long seq, String from, String to) {
        return message(EventKind.DELIVERED, id, seq, from, to).append();
    }

    long handled(long id, long seq, String from, String to) {
        return message(EventKind.HANDLED, id, seq, from, to).outcome(Outcome.OK).append();
    }

    long dropped(long id, long seq, String from, String to, DropCause cause) {
        return message(EventKind.DROPPED, id, seq, from, to).cause(cause).append();
    }

    /** SENT then DROPPED with {@code cause}, sequence = id. */
    void sentAndDropped(long id, String from, String to, DropCause cause) {
        sent(id, id, from, to);
        dropped(id, id, from, to, cause);
    }

    /** SENT, ENQUEUED, DELIVERED, HANDLED at the current time. */
    void roundTrip(long id, long seq, String from, String to) {
        sent(id, seq, from, to);
        enqueued(id, seq, from, to, 1);
        delivered(id, seq, from, to);
        handled(id, seq, from, to);
    }

    long online(String worker, String name) {
        return log.record(EventKind.WORKER_ONLINE).about(worker).detail(name).append();
    }

    long exit(String worker, int code) {
        return log.record(EventKind.WORKER_EXIT).about(worker).number(code).append();
    }

    long workerError(String worker, String where, Throwable error) {
        return log.record(EventKind.WORKER_ERROR).about(worker).detail(where).error(error).append();
    }

    long listenerAdded(String endpoint, String type, int count) {
        return log.record(EventKind.LISTENER_ADDED).about(endpoint).detail(type).number(count).append();
    }

    long messageError(long id, String from, String to, Outcome outcome, Throwable error) {
        return message(EventKind.MESSAGE_ERROR, id, id, from, to).outcome(outcome).error(error).append();
    }

    /** A worker that registers its listener 12 ms after it started, 3 of 5 messages dropped meanwhile. */
    Recorder lateListener() {
        online("transcoder#3", "transcoder");
        for (long id = 1; id <= 3; id++) {
            at(2).sentAndDropped(id, "main", "transcoder#3", DropCause.NO_LISTENER);
        }
        at(6).listenerAdded("transcoder#3", "message", 1);
        roundTrip(4, 4, "main", "transcoder#3");
        roundTrip(5, 5, "main", "transcoder#3");
        return this;
    }
}
