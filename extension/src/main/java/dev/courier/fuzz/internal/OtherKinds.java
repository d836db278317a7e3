package dev.courier.fuzz.internal;

import dev.courier.fuzz.Gen;
import dev.courier.fuzz.Gen.ChoiceSource;
import dev.courier.fuzz.Gens;
import dev.courier.fuzz.SampleColor;
import dev.courier.fuzz.SampleEnvelope;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The kinds of cloneable graph that are not cycle-safe: sets (of leaves), enum and concurrent collections,
 * wrappers, immutable collections, {@code Optional}, the sample record, and mutable leaves (primitive arrays,
 * {@code Date}, {@code BitSet}) that are reusable anywhere. Their contents never reuse an ancestor.
 *
 * <p>Thread contract: confined to the generating thread, like its {@link GraphBuilder}.
 */
final class OtherKinds {

    /** Where the contents of these kinds come from: the graph being generated (never reusing an ancestor). */
    @FunctionalInterface
    interface Contents {
        /** A value at {@code depth}; {@code nonNull}: for a collection that rejects null. */
        Object value(int depth, boolean nonNull);
    }

    private final GraphBuilder builder;
    private final Contents contents;
    private final int small;
    private final int maxDepth;
    private final int large;

    /**
     * Kinds whose contents come from {@code contents}; a collection gets {@code builder}'s size hint up to
     * {@code small} elements (rarely {@code large}, then leaves at {@code maxDepth}).
     */
    OtherKinds(GraphBuilder builder, Contents contents, int small, int maxDepth, int large) {
        this.builder = builder;
        this.contents = contents;
        this.small = small;
        this.maxDepth = maxDepth;
        this.large = large;
    }

    private ChoiceSource source() {
        return builder.source();
    }

    private int size() {
        return builder.sizeHint(small, large);
    }

    /** The value for a ticket in 75..99, its contents at {@code depth}. */
    Object value(long ticket, int depth) {
        if (ticket < 77) {
            return fill(ticket == 75 ? new HashSet<>() : new LinkedHashSet<>(), Leaves.KEYS);
        } else if (ticket < 79) {
            return fill(ticket == 77 ? new TreeSet<>() : new TreeSet<>(Collections.reverseOrder()), Leaves.KEYS);
        } else if (ticket < 80) {
            return fill(EnumSet.noneOf(SampleColor.class), Leaves.COLORS);
        } else if (ticket < 82) {
            Map<SampleColor, Object> map = new EnumMap<>(SampleColor.class);
            builder.elements(builder.sizeHint(4, 0), 8,
                    () -> map.put(source().draw(Leaves.COLORS), contents.value(depth, false)));
            return map;
        } else if (ticket < 83) {
            Map<String, Object> map = new ConcurrentHashMap<>();
            builder.elements(size(), large,
                    () -> map.put(source().draw(Leaves.KEYS), contents.value(depth, true)));
            return map;
        } else if (ticket < 84) {
            return elements(new CopyOnWriteArrayList<>(), depth, false);
        } else if (ticket < 87) {
            return wrapper(ticket, depth);
        } else if (ticket < 89) {
            return ticket == 87 ? List.copyOf(elements(new ArrayList<>(), depth, true))
                    : Map.copyOf(stringMap(new HashMap<>(), depth, true));
        } else if (ticket < 91) {
            return source().flag(0.8) ? Optional.of(contents.value(depth, true)) : Optional.empty();
        } else if (ticket < 93) {
            return new SampleEnvelope(source().draw(Leaves.STRINGS), contents.value(depth, false),
                    source().draw(Gens.lists(Leaves.KEYS, 0, 4)));
        } else if (ticket < 98) {
            Object leaf = mutableLeaf(ticket);
            builder.leafTarget(leaf);
            return leaf;
        }
        return null;
    }

    private <C extends Collection<T>, T> C fill(C collection, Gen<T> element) {
        builder.elements(size(), large, () -> collection.add(source().draw(element)));
        return collection;
    }

    private <C extends Collection<Object>> C elements(C collection, int depth, boolean nonNull) {
        int size = size();
        int childDepth = size > small ? maxDepth : depth;
        builder.elements(size, large, () -> collection.add(
                nonNull ? contents.value(childDepth, true) : contents.value(childDepth, false)));
        return collection;
    }

    private Map<String, Object> stringMap(Map<String, Object> map, int depth, boolean nonNull) {
        builder.elements(builder.sizeHint(6, 0), 12, () -> map.put(source().draw(Leaves.KEYS),
                nonNull ? contents.value(depth, true) : contents.value(depth, false)));
        return map;
    }

    private Object wrapper(long ticket, int depth) {
        boolean synchronizedOne = source().flag(0.5);
        if (ticket == 84) {
            List<Object> list = elements(new ArrayList<>(), depth, false);
            return synchronizedOne ? Collections.synchronizedList(list) : Collections.unmodifiableList(list);
        } else if (ticket == 85) {
            Map<String, Object> map = stringMap(new HashMap<>(), depth, false);
            return synchronizedOne ? Collections.synchronizedMap(map) : Collections.unmodifiableMap(map);
        }
        TreeSet<String> set = fill(new TreeSet<>(), Leaves.KEYS);
        return synchronizedOne ? Collections.synchronizedSortedSet(set) : Collections.unmodifiableSortedSet(set);
    }

    private Object mutableLeaf(long ticket) {
        if (ticket == 93) {
            return source().draw(Gens.lists(Gens.ints(), 0, 8)).stream().mapToInt(Integer::intValue).toArray();
        } else if (ticket == 94) {
            return source().draw(Gens.lists(Gens.doubles(), 0, 8)).stream().mapToDouble(Double::doubleValue).toArray();
        } else if (ticket == 95) {
            return source().draw(Gens.lists(Gens.lists(Leaves.STRINGS, 0, 3), 0, 3)).stream()
                    .map(row -> row.toArray(String[]::new)).toArray(String[][]::new);
        } else if (ticket == 96) {
            return new Date(source().draw(Gens.longs(-62_135_596_800_000L, 253_402_300_799_999L)));
        }
        BitSet bits = new BitSet();
        for (int index : source().draw(Gens.lists(Gens.ints(0, 200), 0, 10))) {
            bits.set(index);
        }
        return bits;
    }
}
