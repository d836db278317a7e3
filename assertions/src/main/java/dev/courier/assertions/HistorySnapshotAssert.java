package dev.courier.assertions;

import dev.courier.assertions.internal.Verdict;
import dev.courier.history.HistorySnapshot;
import java.util.function.Function;

/**
 * Assertions over a frozen {@link HistorySnapshot}: every check judges exactly the snapshot's events and
 * never waits.
 *
 * <p>Thread contract: used by one test thread; the snapshot itself is immutable.
 */
public class HistorySnapshotAssert extends AbstractHistoryAssert<HistorySnapshotAssert, HistorySnapshot> {

    public HistorySnapshotAssert(HistorySnapshot snapshot) {
        super(snapshot, HistorySnapshotAssert.class);
    }

    @Override
    protected <V> Verdict<V> evaluate(Function<HistorySnapshot, Verdict<V>> check) {
        return check.apply(actual);
    }

    @Override
    protected HistorySnapshot snapshot() {
        return actual;
    }
}
