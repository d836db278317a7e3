package dev.courier.fuzz.internal;

import dev.courier.fuzz.Gen;
import dev.courier.fuzz.Gen.ChoiceSource;
import dev.courier.fuzz.SampleNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cloneable object graphs (see {@link dev.courier.fuzz.Payloads#cloneable()}). Each value is a weighted choice
 * of kind whose lowest ticket is an immutable leaf, so graphs shrink toward a single leaf; containers draw their
 * elements as spans, so elements shrink away one by one. This class makes the cycle-safe containers (which may
 * be reuse targets); {@link OtherKinds} makes the rest.
 *
 * <p>Thread contract: stateless; each generation has its own {@link GraphBuilder}.
 */
public final class GraphGen {

    /** Levels of containers below the root. */
    static final int MAX_DEPTH = 4;
    /** Values per graph, large collections aside. */
    static final int BUDGET = 48;
    /** The largest collection generated (rarely). */
    static final int LARGE = 3000;

    private static final int SMALL = 6;

    // The kinds of value, weighted (in tickets of 100; the lowest ticket, a leaf, is where shrinking goes), and
    // their buckets. OTHER's 25 tickets (75..99) are OtherKinds' to split.
    private static final Weights KINDS = Weights.of(40, 8, 3, 3, 4, 5, 3, 2, 3, 4, 25);
    private static final int LEAF = 0;
    private static final int ARRAY_LIST = 1;
    private static final int LINKED_LIST = 2;
    private static final int ARRAY_DEQUE = 3;
    private static final int ARRAY = 4;
    private static final int HASH_MAP = 5;
    private static final int LINKED_HASH_MAP = 6;
    private static final int ACCESS_ORDER_MAP = 7;
    private static final int TREE_MAP = 8;
    private static final int NODE = 9;
    private static final Gen<Object> CLONEABLE = Gen.of("Payloads.cloneable()",
            source -> new GraphGen(new GraphBuilder(source, BUDGET)).value(0, true));

    private final GraphBuilder graph;
    private final OtherKinds others;

    GraphGen(GraphBuilder graph) {
        this.graph = graph;
        this.others = new OtherKinds(graph, (depth, nonNull) -> nonNull ? nonNull(depth, false) : value(depth, false),
                SMALL, MAX_DEPTH, LARGE);
    }

    /** The generator behind {@code Payloads.cloneable()}. */
    public static Gen<Object> cloneable() {
        return CLONEABLE;
    }

    ChoiceSource source() {
        return graph.source();
    }

    /** One value at {@code depth}; {@code safe}: every ancestor is a cycle-safe container. */
    Object value(int depth, boolean safe) {
        Object reused = graph.maybeReuse(safe);
        if (reused != GraphBuilder.none()) {
            return reused;
        }
        long ticket = source().choose(0, KINDS.total() - 1);
        int kind = KINDS.bucket(ticket);
        if (kind == LEAF || depth >= MAX_DEPTH || !graph.spend(1)) {
            return source().draw(Leaves.IMMUTABLE);
        }
        int next = depth + 1;
        return switch (kind) {
            case ARRAY_LIST -> list(new ArrayList<>(), next, safe);
            case LINKED_LIST -> list(new LinkedList<>(), next, safe);
            case ARRAY_DEQUE -> list(new ArrayDeque<>(), next, safe);
            case ARRAY -> array(next, safe);
            case HASH_MAP -> map(new HashMap<>(), next, safe);
            case LINKED_HASH_MAP -> map(new LinkedHashMap<>(), next, safe);
            case ACCESS_ORDER_MAP -> map(new LinkedHashMap<>(16, 0.75f, true), next, safe);
            case TREE_MAP -> map(source().flag(0.5) ? new TreeMap<>(Collections.reverseOrder()) : new TreeMap<>(), next,
                    safe);
            case NODE -> node(next, safe);
            default -> others.value(ticket, next);
        };
    }

    /** A non-null value (collections that reject null get a leaf instead). */
    Object nonNull(int depth, boolean safe) {
        Object value = value(depth, safe);
        return value != null ? value : source().draw(Leaves.STRINGS);
    }

    /** How many elements a container gets, and whether they must be leaves (a large collection). */
    int size() {
        return graph.sizeHint(SMALL, LARGE);
    }

    private int childDepth(int size, int next) {
        return size > SMALL ? MAX_DEPTH : next;
    }

    private <C extends Collection<Object>> C list(C list, int next, boolean safe) {
        graph.openTarget(list);
        boolean nullable = list instanceof ArrayList || list instanceof LinkedList;
        int size = size();
        int depth = childDepth(size, next);
        graph.elements(size, LARGE, () -> list.add(nullable ? value(depth, safe) : nonNull(depth, safe)));
        graph.close();
        return list;
    }

    private Object[] array(int next, boolean safe) {
        int size = size();
        Object[] array = new Object[size];
        graph.openTarget(array);
        int depth = childDepth(size, next);
        for (int i = 0; i < array.length; i++) {
            int at = i;
            array[at] = source().draw(Gen.of("element", s -> value(depth, safe)));
        }
        graph.close();
        return array;
    }

    private Map<String, Object> map(Map<String, Object> map, int next, boolean safe) {
        graph.openTarget(map);
        int size = size();
        int depth = childDepth(size, next);
        graph.elements(size, LARGE, () -> map.put(source().draw(Leaves.KEYS), value(depth, safe)));
        graph.close();
        return map;
    }

    private SampleNode node(int next, boolean safe) {
        SampleNode node = new SampleNode(source().draw(Leaves.STRINGS));
        graph.openTarget(node);
        node.visits((int) source().choose(0, 3));
        node.value(value(next, safe));
        graph.close();
        return node;
    }
}
