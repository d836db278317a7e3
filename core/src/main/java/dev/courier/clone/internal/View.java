package dev.courier.clone.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the fidelity comparison sees one value: a leaf compared by value, named parts (fields, record
 * components, map entries), an indexed sequence, an unordered set, or something opaque (a JDK object
 * with no public state and identity equality).
 */
final class View {

    enum Kind { LEAF, KEYED, SEQUENCE, SET, OPAQUE }

    final Kind kind;
    /** LEAF: the value compared with equals. */
    final Object leaf;
    /** KEYED: the parts by name or key; a real map is used as is so its own key semantics apply. */
    final Map<?, ?> parts;
    /** KEYED: whether {@code parts} is the payload's own map (keys are payload values). */
    final boolean realMap;
    /** KEYED: names of transient fields. */
    final Set<Object> transients;
    /** SEQUENCE: the elements in order. SET: the elements. */
    final List<?> elements;
    final Collection<?> set;
    /** Whether iteration order is part of the value (lists, arrays, linked and sorted kinds). */
    final boolean ordered;

    private View(Kind kind, Object leaf, Map<?, ?> parts, boolean realMap, Set<Object> transients,
                 List<?> elements, Collection<?> set, boolean ordered) {
        this.kind = kind;
        this.leaf = leaf;
        this.parts = parts;
        this.realMap = realMap;
        this.transients = transients;
        this.elements = elements;
        this.set = set;
        this.ordered = ordered;
    }

    static View leaf(Object value) {
        return new View(Kind.LEAF, value, null, false, Set.of(), null, null, false);
    }

    static View opaque() {
        return new View(Kind.OPAQUE, null, null, false, Set.of(), null, null, false);
    }

    static View keyed(Map<?, ?> parts, boolean realMap, Set<Object> transients, boolean ordered) {
        return new View(Kind.KEYED, null, parts, realMap, transients, null, null, ordered);
    }

    static View sequence(List<?> elements, boolean ordered) {
        return new View(Kind.SEQUENCE, null, null, false, Set.of(), elements, null, ordered);
    }

    static View set(Collection<?> set) {
        return new View(Kind.SET, null, null, false, Set.of(), null, set, false);
    }

    /** The elements of a SEQUENCE or SET, in iteration order. */
    List<?> asList() {
        return elements != null ? elements : List.copyOf(set);
    }
}
