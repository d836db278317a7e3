package dev.courier.clone.internal;

import java.util.Collections;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.PriorityBlockingQueue;

/**
 * The comparator of a sorted collection follows the ordinary clone rules (a lambda comparator is not
 * cloneable), except the stateless JDK singletons, which are shared.
 */
final class Comparators {

    private Comparators() {
    }

    /** The comparator of a sorted set, sorted map or priority queue (null for natural order). */
    static Comparator<?> of(Object sorted) {
        if (sorted instanceof SortedSet<?> set) {
            return set.comparator();
        }
        if (sorted instanceof SortedMap<?, ?> map) {
            return map.comparator();
        }
        if (sorted instanceof PriorityQueue<?> queue) {
            return queue.comparator();
        }
        if (sorted instanceof PriorityBlockingQueue<?> queue) {
            return queue.comparator();
        }
        return null;
    }

    /** Delivers the comparator to use for the copy: shared singletons at once, others copied. */
    static void schedule(Comparator<?> comparator, PathNode path, CopyContext context, Sink sink) {
        if (comparator == null || isSharedSingleton(comparator)) {
            sink.accept(comparator);
        } else {
            context.schedule(comparator, path.field("comparator()"), sink);
        }
    }

    static boolean isSharedSingleton(Comparator<?> comparator) {
        return comparator == Comparator.naturalOrder() || comparator == Collections.reverseOrder()
                || comparator == String.CASE_INSENSITIVE_ORDER;
    }
}
