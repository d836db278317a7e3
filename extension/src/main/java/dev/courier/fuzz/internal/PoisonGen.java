package dev.courier.fuzz.internal;

import dev.courier.fuzz.Gen;
import dev.courier.fuzz.Gen.ChoiceSource;
import dev.courier.fuzz.PoisonedPayload;
import dev.courier.fuzz.SampleEnvelope;
import dev.courier.fuzz.SampleNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Non-cloneable payloads (see {@link dev.courier.fuzz.Payloads#nonCloneable()}): a chain of one to four
 * containers from the root down to one poison, each link with cloneable siblings around it. The links are
 * lists, arrays, maps with string keys (a key's path does not depend on iteration order), the sample class's
 * field and the sample record's component, and no other value refers to them, so the poison has exactly one
 * path, computed while the chain is built.
 *
 * <p>Thread contract: stateless; each generation has its own {@link GraphBuilder}.
 */
public final class PoisonGen {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final int KINDS = 8;
    private static final Gen<PoisonedPayload> NON_CLONEABLE = Gen.of("Payloads.nonCloneable()", source -> {
        PoisonGen chain = new PoisonGen(source);
        int links = 1 + (int) source.choose(0, 3);
        StringBuilder path = new StringBuilder("$");
        Object[] poison = new Object[1];
        Object payload = chain.link(links, 0, true, path, poison);
        return new PoisonedPayload(payload, path.toString(), poison[0].getClass());
    });

    private final ChoiceSource source;
    private final GraphGen graph;

    private PoisonGen(ChoiceSource source) {
        this.source = source;
        this.graph = new GraphGen(new GraphBuilder(source, GraphGen.BUDGET));
    }

    /** The generator behind {@code Payloads.nonCloneable()}. */
    public static Gen<PoisonedPayload> nonCloneable() {
        return NON_CLONEABLE;
    }

    private Object link(int remaining, int depth, boolean safe, StringBuilder path, Object[] poison) {
        if (remaining == 0) {
            poison[0] = source.draw(Poisons.ANY);
            return poison[0];
        }
        long kind = source.choose(0, KINDS - 1);
        if (kind == 6) {
            SampleNode node = new SampleNode(source.draw(Leaves.STRINGS));
            path.append(".value");
            node.value(link(remaining - 1, depth + 1, safe, path, poison));
            return node;
        } else if (kind == 7) {
            path.append(".body");
            Object body = link(remaining - 1, depth + 1, false, path, poison);
            return new SampleEnvelope(source.draw(Leaves.STRINGS), body, List.of());
        } else if (kind >= 3) {
            return map(kind, remaining, depth, safe, path, poison);
        }
        int siblings = (int) source.choose(0, 4);
        int at = (int) source.choose(0, siblings);
        path.append('[').append(at).append(']');
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < siblings; i++) {
            items.add(graph.value(depth + 1, safe));
        }
        items.add(at, link(remaining - 1, depth + 1, safe, path, poison));
        return kind == 0 ? items : kind == 1 ? new LinkedList<>(items) : items.toArray();
    }

    private Map<String, Object> map(long kind, int remaining, int depth, boolean safe, StringBuilder path,
                                    Object[] poison) {
        Map<String, Object> map = kind == 3 ? new HashMap<>() : kind == 4 ? new LinkedHashMap<>()
                : source.flag(0.5) ? new TreeMap<>(Collections.reverseOrder()) : new TreeMap<>();
        String key = source.draw(Leaves.KEYS);
        appendKey(path, key);
        int siblings = (int) source.choose(0, 4);
        for (int i = 0; i < siblings; i++) {
            String other = source.draw(Leaves.KEYS);
            Object value = graph.value(depth + 1, safe);
            if (!other.equals(key)) {
                map.put(other, value);
            }
        }
        map.put(key, link(remaining - 1, depth + 1, safe, path, poison));
        return map;
    }

    /** The path step of a string map key, as {@code DataCloneException.path()} writes it. */
    static void appendKey(StringBuilder path, String key) {
        if (IDENTIFIER.matcher(key).matches()) {
            path.append('.').append(key);
        } else {
            path.append("[\"").append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
        }
    }
}
