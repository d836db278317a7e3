package dev.courier.clone.internal;

import dev.courier.clone.Difference;
import dev.courier.clone.DifferenceKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two unordered sets: elements are found in the copy by equals, then through an earlier
 * pairing, then (for a few) structurally. An element's path is {@code [#i]}, its position in the
 * original's iteration order.
 */
final class SetComparison {

    private static final Object NULL = new Object();

    private final FidelityWalker walker;
    private final Collection<?> sa;
    private final Collection<?> sb;
    private final PathNode path;

    SetComparison(FidelityWalker walker, Collection<?> sa, Collection<?> sb, PathNode path) {
        this.walker = walker;
        this.sa = sa;
        this.sb = sb;
        this.path = path;
    }

    void run() {
        Map<Object, Object> byEquals = new HashMap<>();
        IdentityHashMap<Object, Boolean> present = new IdentityHashMap<>();
        for (Object element : sb) {
            byEquals.putIfAbsent(element == null ? NULL : element, element);
            present.put(element, Boolean.TRUE);
        }
        IdentityHashMap<Object, Boolean> used = new IdentityHashMap<>();
        List<Object> items = new ArrayList<>();
        List<Object> unresolved = new ArrayList<>();
        List<PathNode> unresolvedPaths = new ArrayList<>();
        int position = 0;
        for (Object element : sa) {
            PathNode at = path.position(position++);
            Object match = byEquals.get(element == null ? NULL : element);
            if (match == null && element != null && present.containsKey(walker.pairedCopy(element))) {
                match = walker.pairedCopy(element);
            }
            if (match != null && !used.containsKey(match)) {
                used.put(match, Boolean.TRUE);
                items.add(FidelityWalker.pair(element, match == NULL ? null : match, at, false));
            } else {
                unresolved.add(element);
                unresolvedPaths.add(at);
            }
        }
        List<Object> rest = new ArrayList<>();
        for (Object element : sb) {
            if (!used.containsKey(element == null ? NULL : element)) {
                rest.add(element);
            }
        }
        boolean small = unresolved.size() <= FidelityWalker.MATCH_LIMIT && rest.size() <= FidelityWalker.MATCH_LIMIT;
        for (int i = 0; i < unresolved.size(); i++) {
            Object element = unresolved.get(i);
            Object match = small ? structuralMatch(element, rest) : null;
            if (match != null) {
                rest.remove(match);
                items.add(FidelityWalker.pair(element, match, unresolvedPaths.get(i), false));
            } else {
                items.add(new Difference(unresolvedPaths.get(i).toString(), DifferenceKind.MISSING,
                        Render.value(element), "absent"));
            }
        }
        for (Object extra : rest) {
            items.add(new Difference(path.toString(), DifferenceKind.EXTRA, "absent", Render.value(extra)));
        }
        walker.pushInOrder(items);
    }

    private static Object structuralMatch(Object element, List<Object> candidates) {
        for (Object candidate : candidates) {
            if (candidate != null && FidelityWalker.compare(element, candidate).isEmpty()) {
                return candidate;
            }
        }
        return null;
    }
}
