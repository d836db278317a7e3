package dev.courier.history;

import java.util.function.LongSupplier;

/**
 * Builds hand-made histories for checker and assertion tests on a manual clock, so every time in an
 * explanation is exact. It lives in core/src/testFixtures, compiled into the tests of core and of the
 * assertions module (it is not published).
 *
 * <p>Thread contract: appends are thread-safe (the log serializes them); moving the clock is meant for the
 * test thread only, and a moved clock is visible to appends on any thread.
 */
public class History {

    public final ManualClock clock = new ManualClock();
    public final DeliveryLog log = DeliveryLog.create(clock);

    /** A nanosecond clock that moves only when told to. */
    public static final class ManualClock implements LongSupplier {
        private volatile long now = 1_000_000_000L;

        @Override
        public long getAsLong() {
            return now;
        }

        public void advanceMillis(long millis) {
            now += millis * 1_000_000L;
        }
    }

    public History at(long millisLater) {
        clock.advanceMillis(millisLater);
        return this;
    }

    public HistorySnapshot snapshot() {
        return log.snapshot();
    }

    public long sent(long id, long seq, String from, String to) {
        return message(EventKind.SENT, id, seq, from, to).append();
    }

    public long enqueued(long id, long seq, String from, String to, int depth) {
        return message(EventKind.ENQUEUED, id, seq, from, to).number(depth).append();
    }

    public long delivered(long id, long seq, String from, String to) {
        return message(EventKind.DELIVERED, id, seq, from, to).append();
    }

    public long handled(long id, long seq, String from, String to) {
        return message(EventKind.HANDLED, id, seq, from, to).outcome(Outcome.OK).append();
    }

    public long dropped(long id, long seq, String from, String to, DropCause cause) {
        return message(EventKind.DROPPED, id, seq, from, to).cause(cause).append();
    }

    /** SENT then DROPPED with {@code cause}, sequence = id. */
    public void sentAndDropped(long id, String from, String to, DropCause cause) {
        sent(id, id, from, to);
        dropped(id, id, from, to, cause);
    }

    public long messageError(long id, String from, String to, Outcome outcome, Throwable error) {
        return message(EventKind.MESSAGE_ERROR, id, id, from, to).outcome(outcome).error(error).append();
    }

    /** SENT, ENQUEUED, DELIVERED, HANDLED at the current time. */
    public void roundTrip(long id, long seq, String from, String to) {
        sent(id, seq, from, to);
        enqueued(id, seq, from, to, 1);
        delivered(id, seq, from, to);
        handled(id, seq, from, to);
    }

    public EventDraft message(EventKind kind, long id, long seq, String from, String to) {
        return log.writer().record(kind).message(id, seq).between(from, to);
    }

    public long online(String worker, String name) {
        return log.writer().record(EventKind.WORKER_ONLINE).about(worker).detail(name).append();
    }

    public long exit(String worker, int code) {
        return log.writer().record(EventKind.WORKER_EXIT).about(worker).number(code).append();
    }

    public long workerError(String worker, String where, Throwable error) {
        return log.writer().record(EventKind.WORKER_ERROR).about(worker).detail(where).error(error).append();
    }

    public long transferred(String port, String owner) {
        return log.writer().record(EventKind.PORT_TRANSFERRED).about(port).detail(owner).append();
    }

    public long listenerAdded(String endpoint, String type, int count) {
        return log.writer().record(EventKind.LISTENER_ADDED).about(endpoint).detail(type).number(count).append();
    }

    public long consumerStarted(String endpoint, String thread, int count) {
        return log.writer().record(EventKind.CONSUMER_STARTED).about(endpoint).detail(thread).number(count).append();
    }

    public long consumerStopped(String endpoint, String thread, int depthLeft) {
        return log.writer().record(EventKind.CONSUMER_STOPPED).about(endpoint).detail(thread).number(depthLeft).append();
    }
}
