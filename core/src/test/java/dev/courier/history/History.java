package dev.courier.history;

import java.util.function.LongSupplier;

/**
 * Builds hand-made histories for checker tests on a manual clock, so every time in an explanation is
 * exact. Not thread-safe: one test, one thread.
 */
final class History {

    final ManualClock clock = new ManualClock();
    final DeliveryLog log = DeliveryLog.create(clock);

    /** A nanosecond clock that moves only when told to. */
    static final class ManualClock implements LongSupplier {
        private long now = 1_000_000_000L;

        @Override
        public long getAsLong() {
            return now;
        }

        void advanceMillis(long millis) {
            now += millis * 1_000_000L;
        }
    }

    History at(long millisLater) {
        clock.advanceMillis(millisLater);
        return this;
    }

    HistorySnapshot snapshot() {
        return log.snapshot();
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

    /** SENT, ENQUEUED, DELIVERED, HANDLED at the current time. */
    void roundTrip(long id, long seq, String from, String to) {
        sent(id, seq, from, to);
        enqueued(id, seq, from, to, 1);
        delivered(id, seq, from, to);
        handled(id, seq, from, to);
    }

    EventDraft message(EventKind kind, long id, long seq, String from, String to) {
        return log.record(kind).message(id, seq).between(from, to);
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

    long transferred(String port, String owner) {
        return log.record(EventKind.PORT_TRANSFERRED).about(port).detail(owner).append();
    }

    long listenerAdded(String endpoint, String type, int count) {
        return log.record(EventKind.LISTENER_ADDED).about(endpoint).detail(type).number(count).append();
    }
}
