package dev.courier.node.internal;

import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Puts facts back into the program's total order. Threads write their lines concurrently, so a fact can reach the
 * runner before one that precedes it (a worker's SENT after main's DELIVERED of the same message); facts are held
 * until every earlier sequence number has arrived. A gap that never fills (a thread terminated between taking its
 * number and writing) holds the facts after it until {@link #flush()}, or until more than {@link #MAX_HELD} wait.
 *
 * <p>Thread contract: not thread-safe; used by the one thread that reads the program's fact lines.
 */
final class FactOrder {

    static final int MAX_HELD = 100_000;

    private final TreeMap<Long, Fact> held = new TreeMap<>();
    private final Consumer<Fact> next;
    private long expected;

    FactOrder(Consumer<Fact> next) {
        this.next = next;
    }

    void accept(Fact fact) {
        if (fact.seq() < expected) {
            next.accept(fact); // a number reused or seen after a flush: keep it rather than lose it
            return;
        }
        held.put(fact.seq(), fact);
        while (!held.isEmpty() && (held.firstKey() == expected || held.size() > MAX_HELD)) {
            Fact first = held.pollFirstEntry().getValue();
            expected = first.seq() + 1;
            next.accept(first);
        }
    }

    /** Passes on everything held, in order, skipping the gaps. */
    void flush() {
        while (!held.isEmpty()) {
            Fact first = held.pollFirstEntry().getValue();
            expected = first.seq() + 1;
            next.accept(first);
        }
    }

    int heldCount() {
        return held.size();
    }
}
