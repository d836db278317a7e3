package dev.courier.clone.internal;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A structural hash of a value down to a fixed depth, for matching the elements of unordered sets and the
 * keys of maps between an original and its copy without comparing every pair: a faithful copy always has
 * its original's hash, so only values of one bucket need comparing. The hash uses classes, leaf values,
 * field names and the hashes of the parts (unordered parts combined by sum, so iteration order does not
 * matter); it never calls a user class's {@code hashCode}. The depth bound makes cycles harmless and keeps
 * the recursion shallow; each value is hashed at most once per depth.
 *
 * <p>Thread contract: confined to one comparison's thread.
 */
final class ShapeHash {

    /** How deep below a value its hash looks. */
    static final int DEPTH = 3;

    private final CompareBudget budget;
    @SuppressWarnings("unchecked")
    private final IdentityHashMap<Object, Integer>[] memo = new IdentityHashMap[DEPTH + 1];

    ShapeHash(CompareBudget budget) {
        this.budget = budget;
    }

    /** The hash of {@code value} looking {@link #DEPTH} levels down. */
    int of(Object value) {
        return of(value, DEPTH);
    }

    private int of(Object value, int depth) {
        if (value == null) {
            return 0;
        }
        int base = value.getClass().getName().hashCode();
        if (depth == 0) {
            return base;
        }
        IdentityHashMap<Object, Integer> known = memo[depth];
        if (known == null) {
            known = new IdentityHashMap<>();
            memo[depth] = known;
        }
        Integer cached = known.get(value);
        if (cached != null) {
            return cached;
        }
        budget.step();
        int hash = mix(base, compute(Views.of(value), depth - 1));
        known.put(value, hash);
        return hash;
    }

    private int compute(View view, int below) {
        switch (view.kind) {
            case LEAF:
                return leafHash(view.leaf);
            case KEYED: {
                int sum = 0;
                if (view.names != null) {
                    for (int i = 0; i < view.names.length; i++) {
                        sum += mix(view.names[i].hashCode(), of(view.values[i], below));
                    }
                    return sum;
                }
                for (Map.Entry<?, ?> entry : view.parts().entrySet()) {
                    int key = view.realMap ? of(entry.getKey(), below) : String.valueOf(entry.getKey()).hashCode();
                    sum += mix(key, of(entry.getValue(), below));
                }
                return sum;
            }
            case SEQUENCE: {
                int hash = 1;
                List<?> elements = view.elements;
                for (Object element : elements) {
                    hash = 31 * hash + of(element, below);
                }
                return hash;
            }
            case SET: {
                int sum = 0;
                for (Object element : view.set) {
                    sum += mix(of(element, below), 0x9E3779B9);
                }
                return sum;
            }
            default:
                return 0;
        }
    }

    private static int leafHash(Object leaf) {
        try {
            return leaf == null ? 0 : leaf.hashCode();
        } catch (RuntimeException e) {
            return 0; // a JDK value with a broken element inside: the comparison proper will say where
        }
    }

    private static int mix(int a, int b) {
        int h = a * 0x01000193 ^ b;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }
}
