package dev.courier.clone.internal;

import dev.courier.clone.Difference;
import dev.courier.clone.DifferenceKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two keyed views (fields, record components, map entries) key by key. Keys are found by the
 * copy's own lookup; keys without a usable equals (copied key objects) are matched through an earlier
 * pairing or, for a few, by comparing them structurally.
 */
final class KeyedComparison {

    private static final Object NONE = new Object();

    private final WalkSteps walker;
    private final View va;
    private final View vb;
    private final PathNode path;
    private final List<Object> items = new ArrayList<>();
    private final IdentityHashMap<Object, Boolean> matchedCopyKeys;

    KeyedComparison(WalkSteps walker, View va, View vb, PathNode path) {
        this.walker = walker;
        this.va = va;
        this.vb = vb;
        this.path = path;
        this.matchedCopyKeys = new IdentityHashMap<>(va.parts().size());
    }

    void run() {
        Map<?, ?> pa = va.parts();
        Map<?, ?> pb = vb.parts();
        List<Map.Entry<?, ?>> unresolved = new ArrayList<>();
        List<PathNode> unresolvedPaths = new ArrayList<>();
        int position = 0;
        for (Map.Entry<?, ?> entry : pa.entrySet()) {
            Object key = entry.getKey();
            PathNode at = va.realMap ? path.key(key, position) : path.field(String.valueOf(key));
            position++;
            Object copyKey = findKey(pb, key);
            if (copyKey == NONE) {
                unresolved.add(entry);
                unresolvedPaths.add(at);
            } else {
                matchedCopyKeys.put(copyKey, Boolean.TRUE);
                items.add(new PartPair(entry.getValue(), pb.get(copyKey), at, va.transients().contains(key)));
            }
        }
        List<Object> extraKeys = new ArrayList<>();
        for (Object copyKey : pb.keySet()) {
            if (!matchedCopyKeys.containsKey(copyKey) && !containsKey(pa, copyKey)) {
                extraKeys.add(copyKey);
            }
        }
        matchRemaining(unresolved, unresolvedPaths, extraKeys);
        if (unresolved.isEmpty() && extraKeys.isEmpty() && va.ordered && vb.ordered && orderDiffers(pa, pb)) {
            items.add(0, new Difference(path.toString(), DifferenceKind.ORDER_CHANGED,
                    Render.list(List.copyOf(pa.keySet())), Render.list(List.copyOf(pb.keySet()))));
        }
        walker.pushInOrder(items);
    }

    private void matchRemaining(List<Map.Entry<?, ?>> unresolved, List<PathNode> paths, List<Object> extraKeys) {
        List<Object> keys = new ArrayList<>(unresolved.size());
        for (Map.Entry<?, ?> entry : unresolved) {
            keys.add(entry.getKey());
        }
        Object[] matches = CandidateMatcher.match(walker, keys, extraKeys);
        IdentityHashMap<Object, Boolean> taken = new IdentityHashMap<>();
        int kept = 0;
        for (int i = 0; i < matches.length; i++) {
            Map.Entry<?, ?> entry = unresolved.get(i);
            if (matches[i] == CandidateMatcher.NONE) {
                items.add(new Difference(paths.get(i).toString(), DifferenceKind.MISSING,
                        Render.value(entry.getValue()), "absent"));
                unresolved.set(kept, entry);
                paths.set(kept, paths.get(i));
                kept++;
            } else {
                taken.put(matches[i], Boolean.TRUE);
                items.add(new PartPair(entry.getValue(), lookup(vb.parts(), matches[i]), paths.get(i), false));
            }
        }
        unresolved.subList(kept, unresolved.size()).clear();
        paths.subList(kept, paths.size()).clear();
        extraKeys.removeIf(taken::containsKey);
        for (Object extra : extraKeys) {
            PathNode at = vb.realMap ? path.key(extra, 0) : path.field(String.valueOf(extra));
            items.add(new Difference(at.toString(), DifferenceKind.EXTRA, "absent",
                    Render.value(lookup(vb.parts(), extra))));
        }
    }

    private static Object lookup(Map<?, ?> map, Object key) {
        try {
            return map.get(key);
        } catch (RuntimeException e) {
            return "<unreadable: " + e + ">";
        }
    }

    private Object findKey(Map<?, ?> copy, Object key) {
        if (containsKey(copy, key)) {
            return key;
        }
        Object paired = key == null ? null : walker.pairedCopy(key);
        return paired != null && containsKey(copy, paired) ? paired : NONE;
    }

    private static boolean containsKey(Map<?, ?> map, Object key) {
        try {
            return map.containsKey(key);
        } catch (RuntimeException e) {
            return false; // a sorted map asked about a key of another type
        }
    }

    private static boolean orderDiffers(Map<?, ?> pa, Map<?, ?> pb) {
        Iterator<?> left = pa.keySet().iterator();
        Iterator<?> right = pb.keySet().iterator();
        while (left.hasNext() && right.hasNext()) {
            if (!Objects.equals(left.next(), right.next())) {
                return true;
            }
        }
        return false;
    }
}
