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
 * pairing, then by structure ({@link CandidateMatcher}). An element's path is {@code [#i]}, its position
 * in the original's iteration order. An element class whose {@code equals} or {@code hashCode} throws is
 * matched by structure alone; an element left unmatched then says so in its {@code MISSING} difference.
 */
final class SetComparison {

    private static final Object NULL = new Object();

    private final WalkSteps walker;
    private final Collection<?> sa;
    private final Collection<?> sb;
    private final PathNode path;

    SetComparison(WalkSteps walker, Collection<?> sa, Collection<?> sb, PathNode path) {
        this.walker = walker;
        this.sa = sa;
        this.sb = sb;
        this.path = path;
    }

    void run() {
        IdentityHashMap<Object, Boolean> present = new IdentityHashMap<>();
        for (Object element : sb) {
            present.put(element, Boolean.TRUE);
        }
        RuntimeException equalsFailure = null;
        Map<Object, Object> byEquals = new HashMap<>();
        try {
            for (Object element : sb) {
                byEquals.putIfAbsent(element == null ? NULL : element, element);
            }
        } catch (RuntimeException e) {
            equalsFailure = e;
            byEquals = null;
        }
        IdentityHashMap<Object, Boolean> used = new IdentityHashMap<>();
        List<Object> items = new ArrayList<>();
        List<Object> unresolved = new ArrayList<>();
        List<Integer> unresolvedAt = new ArrayList<>();
        int position = 0;
        for (Object element : sa) {
            walker.step();
            Object match = null;
            if (byEquals != null) {
                try {
                    match = byEquals.get(element == null ? NULL : element);
                } catch (RuntimeException e) {
                    equalsFailure = e;
                    byEquals = null;
                }
            }
            if (match == null && element != null && present.containsKey(walker.pairedCopy(element))) {
                match = walker.pairedCopy(element);
            }
            if (match != null && !used.containsKey(match)) {
                used.put(match, Boolean.TRUE);
                items.add(new PartPair(element, match == NULL ? null : match, path.position(position), false));
            } else {
                items.add(null);
                unresolved.add(element);
                unresolvedAt.add(position);
            }
            position++;
        }
        List<Object> rest = new ArrayList<>();
        for (Object element : sb) {
            if (!used.containsKey(element == null ? NULL : element)) {
                rest.add(element);
            }
        }
        Object[] matches = CandidateMatcher.match(walker, unresolved, rest);
        IdentityHashMap<Object, Boolean> taken = new IdentityHashMap<>();
        for (int i = 0; i < matches.length; i++) {
            int at = unresolvedAt.get(i);
            Object element = unresolved.get(i);
            if (matches[i] != CandidateMatcher.NONE) {
                taken.put(matches[i], Boolean.TRUE);
                items.set(at, new PartPair(element, matches[i], path.position(at), false));
            } else {
                String absent = equalsFailure == null ? "absent"
                        : "absent (" + (element == null ? "null" : element.getClass().getName()) + ".equals or hashCode threw " + equalsFailure
                                + ", so elements were matched by structure only)";
                items.set(at, new Difference(path.position(at).toString(), DifferenceKind.MISSING,
                        Render.value(element), absent));
            }
        }
        for (Object extra : rest) {
            if (!taken.containsKey(extra)) {
                items.add(new Difference(path.toString(), DifferenceKind.EXTRA, "absent", Render.value(extra)));
            }
        }
        walker.pushInOrder(items);
    }
}
