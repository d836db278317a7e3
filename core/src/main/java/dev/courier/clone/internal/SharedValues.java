package dev.courier.clone.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which payload values structured clone shares instead of copying (C1), for the fidelity comparison:
 * values of a shared class ({@link Immutables}), and immutable containers ({@code List.of}, {@code Set.of},
 * {@code Map.of} results, {@code Collections} empty and singleton collections, {@code Optional}, immutable map
 * entries, records) whose parts are all shared, all the way down. Such a value cannot be changed through any
 * reference, so whether two paths reach one instance or two is unobservable: the JDK hands the same empty
 * list to unrelated owners, and a copy need not preserve that. Verdicts are cached per object; parts are
 * examined with an explicit stack, never recursion.
 *
 * <p>Thread contract: confined to one comparison's thread.
 */
final class SharedValues {

    /** Parts a container may have for its verdict to be worked out again rather than remembered. */
    private static final int SMALL = 16;

    /** The parent recorded for the examined root. */
    private static final Object ROOT = new Object();

    private final IdentityHashMap<Object, Boolean> verdicts = new IdentityHashMap<>();

    /** Whether {@code value} is shared (null counts as shared). */
    boolean isShared(Object value) {
        return isShared(value, null);
    }

    /** The same, given the value's view when the caller has it already (else null). */
    boolean isShared(Object value, View view) {
        if (value == null || Immutables.isShared(value.getClass())) {
            return true;
        }
        if (!Views.isImmutableContainerClass(value.getClass())) {
            return false;
        }
        Boolean known = verdicts.get(value);
        return known != null ? known : examine(value, view == null ? Views.of(value) : view);
    }

    private boolean examine(Object root, View rootView) {
        // most examinations end at a part of the root itself (a mutable one): nothing to remember then
        int count = 0;
        boolean nested = false;
        boolean mutable = false;
        if (rootView.kind == View.Kind.KEYED && rootView.names != null) {
            for (Object part : rootView.values) {
                count++;
                int kind = kindOf(part);
                if (kind == MUTABLE) {
                    mutable = true;
                    break;
                }
                nested |= kind == CONTAINER;
            }
        } else {
            for (Object part : parts(rootView)) {
                count++;
                int kind = kindOf(part);
                if (kind == MUTABLE) {
                    mutable = true;
                    break;
                }
                nested |= kind == CONTAINER;
            }
        }
        if (!mutable && nested) {
            return examineNested(root, rootView);
        }
        if (count > SMALL || nested) {
            verdicts.put(root, !mutable);
        }
        return !mutable;
    }

    private static final int SHARED = 0;
    private static final int CONTAINER = 1;
    private static final int MUTABLE = 2;

    /** A part is shared by its class, an immutable container to look into, or mutable. */
    private static int kindOf(Object part) {
        if (part == null || Immutables.isShared(part.getClass())) {
            return SHARED;
        }
        return Views.isImmutableContainerClass(part.getClass()) ? CONTAINER : MUTABLE;
    }

    /**
     * Examines the containers below {@code root}; when a mutable part turns up, its container and every
     * container above it up to the root are not shared, and remembered so.
     */
    private boolean examineNested(Object root, View rootView) {
        List<Object> examined = new ArrayList<>();
        IdentityHashMap<Object, Object> parentOf = new IdentityHashMap<>();
        ArrayDeque<Object> pending = new ArrayDeque<>();
        pending.push(root);
        parentOf.put(root, ROOT);
        while (!pending.isEmpty()) {
            Object container = pending.pop();
            examined.add(container);
            for (Object part : parts(container == root ? rootView : Views.of(container))) {
                if (part == null || Immutables.isShared(part.getClass())) {
                    continue;
                }
                Boolean known = Views.isImmutableContainerClass(part.getClass()) ? verdicts.get(part) : Boolean.FALSE;
                if (known == Boolean.TRUE) {
                    continue;
                }
                if (known != null) {
                    for (Object at = container; at != ROOT; at = parentOf.get(at)) {
                        verdicts.put(at, Boolean.FALSE);
                    }
                    return false;
                }
                if (parentOf.putIfAbsent(part, container) == null) {
                    pending.push(part);
                }
            }
        }
        // Every container met holds only shared parts, so each of them is shared too.
        examined.forEach(container -> verdicts.put(container, Boolean.TRUE));
        return true;
    }

    private static Collection<?> parts(View view) {
        return switch (view.kind) {
            case KEYED -> view.names != null ? Arrays.asList(view.values)
                    : view.realMap ? keysAndValues(view.parts()) : view.parts().values();
            case SEQUENCE -> view.elements;
            case SET -> view.set;
            default -> List.of();
        };
    }

    private static Collection<?> keysAndValues(Map<?, ?> map) {
        List<Object> both = new ArrayList<>(map.keySet());
        both.addAll(map.values());
        return both;
    }
}
