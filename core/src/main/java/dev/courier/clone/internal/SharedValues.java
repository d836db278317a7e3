package dev.courier.clone.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
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

    private final IdentityHashMap<Object, Boolean> verdicts = new IdentityHashMap<>();

    /** Whether {@code value} is shared (null counts as shared). */
    boolean isShared(Object value) {
        if (value == null || Immutables.isShared(value.getClass())) {
            return true;
        }
        if (!Views.isImmutableContainer(value)) {
            return false;
        }
        Boolean known = verdicts.get(value);
        return known != null ? known : examine(value);
    }

    private boolean examine(Object root) {
        // most examinations end at the first part (a mutable one): start small
        List<Object> examined = new ArrayList<>(4);
        IdentityHashMap<Object, Boolean> queued = new IdentityHashMap<>(4);
        ArrayDeque<Object> pending = new ArrayDeque<>(4);
        pending.push(root);
        queued.put(root, Boolean.TRUE);
        while (!pending.isEmpty()) {
            Object container = pending.pop();
            examined.add(container);
            for (Object part : parts(container)) {
                if (part == null || Immutables.isShared(part.getClass()) || verdicts.get(part) == Boolean.TRUE) {
                    continue;
                }
                if (verdicts.containsKey(part) || !Views.isImmutableContainer(part)) {
                    verdicts.put(root, Boolean.FALSE);
                    return false;
                }
                if (queued.put(part, Boolean.TRUE) == null) {
                    pending.push(part);
                }
            }
        }
        // Every container met holds only shared parts, so each of them is shared too.
        examined.forEach(container -> verdicts.put(container, Boolean.TRUE));
        return true;
    }

    private static Collection<?> parts(Object container) {
        View view = Views.of(container);
        return switch (view.kind) {
            case KEYED -> view.realMap ? keysAndValues(view.parts) : view.parts.values();
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
