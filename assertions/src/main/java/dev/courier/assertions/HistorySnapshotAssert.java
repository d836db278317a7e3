package dev.courier.assertions;

import dev.courier.history.DeliveryLog;
import dev.courier.history.HistorySnapshot;

/**
 * Assertions over a frozen {@link HistorySnapshot}: {@link #check()} judges exactly the snapshot's events and
 * never waits.
 *
 * <p>Thread contract: used by one test thread; the snapshot itself is immutable.
 */
public class HistorySnapshotAssert extends AbstractHistoryAssert<HistorySnapshotAssert, HistorySnapshot> {

    public HistorySnapshotAssert(HistorySnapshot snapshot) {
        super(snapshot, HistorySnapshotAssert.class, "snapshot");
    }

    @Override
    protected DeliveryLog liveLog() {
        return null;
    }

    @Override
    protected HistorySnapshot snapshot() {
        return actual;
    }
}
