package dev.courier.fuzz.internal;

import dev.courier.fuzz.Gen;
import dev.courier.fuzz.Gen.ChoiceSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The state of one object-graph generation: the mutable nodes made so far that a later value may reuse
 * (aliasing, or a cycle when the reused node is an ancestor), and the budget bounding the graph's size.
 *
 * <p>The structured clone rebuilds records, immutable collections, {@code Optional} and wrappers from parts
 * that must exist first, so a cycle through one of them cannot be cloned. Two rules keep every generated cycle
 * cloneable: only "cycle-safe" containers (lists, deques, arrays, maps' values, the sample class), whose copy
 * exists before its contents, are reuse targets; and a value may reuse any of them only when every ancestor on
 * its way from the root is cycle-safe too. Anywhere else it may reuse only a completed node whose subtree
 * refers to nothing outside itself ("closed"): such a node cannot lead back to the place that reuses it.
 *
 * <p>Thread contract: confined to the generating thread.
 */
final class GraphBuilder {

    private static final double REUSE = 0.12;
    private static final Object NO_MORE = new Object();

    private final ChoiceSource source;
    private final List<Target> targets = new ArrayList<>();
    private final Deque<Target> open = new ArrayDeque<>();
    private int budget;
    private boolean largeUsed;

    /** A reusable node: its creation index and the lowest index its subtree refers to. */
    private static final class Target {
        final Object node;
        final int index;
        int lowestReached;
        boolean complete;

        Target(Object node, int index) {
            this.node = node;
            this.index = index;
            this.lowestReached = index;
        }

        boolean closed() {
            return complete && lowestReached >= index;
        }
    }

    GraphBuilder(ChoiceSource source, int budget) {
        this.source = source;
        this.budget = budget;
    }

    ChoiceSource source() {
        return source;
    }

    /** Takes {@code cost} from the budget; false (and nothing taken) when it would run out. */
    boolean spend(int cost) {
        if (budget < cost) {
            return false;
        }
        budget -= cost;
        return true;
    }

    /**
     * Possibly an earlier node (a flag, then which one; both shrink to "no reuse"). Returns {@link #none()}
     * when nothing is reused. {@code safeContext}: every ancestor is cycle-safe.
     */
    Object maybeReuse(boolean safeContext) {
        if (targets.isEmpty() || !source.flag(REUSE)) {
            return NO_MORE;
        }
        List<Target> candidates = new ArrayList<>();
        for (Target target : targets) {
            if (safeContext || target.closed()) {
                candidates.add(target);
            }
        }
        if (candidates.isEmpty()) {
            return NO_MORE;
        }
        Target chosen = candidates.get((int) source.choose(0, candidates.size() - 1));
        for (Target ancestor : open) {
            ancestor.lowestReached = Math.min(ancestor.lowestReached, chosen.index);
        }
        return chosen.node;
    }

    /** The marker {@link #maybeReuse} returns when it reuses nothing. */
    static Object none() {
        return NO_MORE;
    }

    /** Registers a cycle-safe container before its contents are generated; pair with {@link #close}. */
    void openTarget(Object node) {
        Target target = new Target(node, targets.size());
        targets.add(target);
        open.push(target);
    }

    /** Marks the most recently opened container complete. */
    void close() {
        Target done = open.pop();
        done.complete = true;
        if (!open.isEmpty()) {
            open.peek().lowestReached = Math.min(open.peek().lowestReached, done.lowestReached);
        }
    }

    /** Registers a mutable node without contents (a Date, a BitSet, a primitive array): always reusable. */
    void leafTarget(Object node) {
        Target target = new Target(node, targets.size());
        target.complete = true;
        targets.add(target);
    }

    /** Size hint for a collection: mostly small, sometimes up to 12, rarely large (once per graph). */
    int sizeHint(int small, int large) {
        long mode = source.choose(0, 31);
        if (mode == 31 && large > small && !largeUsed) {
            largeUsed = true;
            return (int) source.choose(0, large);
        }
        return (int) source.choose(0, mode < 24 ? small : 12);
    }

    /**
     * Draws elements as spans [more?, element...] until {@code add} has been called {@code hint} times while
     * generating randomly; a "more?" flag shrunk to false ends the collection there.
     */
    void elements(int hint, int max, Runnable addOne) {
        int[] count = {0};
        while (count[0] < max) {
            Object next = source.draw(Gen.of("element", s -> {
                if (!s.flag(count[0] < hint ? 1.0 : 0.0)) {
                    return NO_MORE;
                }
                addOne.run();
                return Boolean.TRUE;
            }));
            if (next == NO_MORE) {
                return;
            }
            count[0]++;
        }
    }
}
