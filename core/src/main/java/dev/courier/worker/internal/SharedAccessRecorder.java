package dev.courier.worker.internal;

import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;

/**
 * Records the accesses of one {@code SharedBuffer}'s views into a log, through the log's recorder seam: each is a
 * SHARED_READ, SHARED_WRITE or SHARED_ATOMIC_UPDATE event about the view ({@code shared:<name>.int} or
 * {@code .long}) from the accessing thread (its name), with the index and the value. It only records; the
 * lost-update check reads the history.
 *
 * <p>Thread contract: immutable; any thread may record at any time (the log orders concurrent appends).
 */
public final class SharedAccessRecorder {

    private final DeliveryLog log;
    private final String intView;
    private final String longView;

    public SharedAccessRecorder(DeliveryLog log, String name) {
        this.log = log;
        this.intView = "shared:" + name + ".int";
        this.longView = "shared:" + name + ".long";
    }

    /** The label of the int view, or of the long view. */
    public String label(boolean longs) {
        return longs ? longView : intView;
    }

    /** A read of {@code value} at {@code index}; call after reading. */
    public void read(boolean longs, int index, long value) {
        record(EventKind.SHARED_READ, longs, index, value);
    }

    /** A write of {@code value} at {@code index}; call before writing. */
    public void write(boolean longs, int index, long value) {
        record(EventKind.SHARED_WRITE, longs, index, value);
    }

    /** An atomic update of {@code index} to {@code value}; call after it took effect. */
    public void atomicUpdate(boolean longs, int index, long value) {
        record(EventKind.SHARED_ATOMIC_UPDATE, longs, index, value);
    }

    private void record(EventKind kind, boolean longs, int index, long value) {
        log.writer().record(kind).between(Thread.currentThread().getName(), label(longs)).number(index).message(0, value)
                .append();
    }
}
