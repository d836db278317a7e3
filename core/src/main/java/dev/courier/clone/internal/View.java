package dev.courier.clone.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the fidelity comparison sees one value: a leaf compared by value, named parts (fields, record
 * components, map entries), an indexed sequence, an unordered set, or something opaque (a JDK object
 * with no public state and identity equality).
 *
 * <p>Named parts of an object (fields, record components, an entry's key and value) are held as two
 * arrays, names and values, with the names array shared by every value of the class; the same parts as a
 * map are made only when a caller asks for {@link #parts()}.
 */
final class View {

    enum Kind { LEAF, KEYED, SEQUENCE, SET, OPAQUE }

    private static final boolean[] NO_FLAGS = new boolean[0];

    final Kind kind;
    /** LEAF: the value compared with equals. */
    final Object leaf;
    /** KEYED from a map: the parts by key; a real map is used as is so its own key semantics apply. */
    private Map<?, ?> parts;
    /** KEYED: whether the parts are the payload's own map (keys are payload values). */
    final boolean realMap;
    /** KEYED, as a map: names of transient fields. */
    private Set<Object> transients;
    /** KEYED, as arrays (else null): the part names, distinct, in order; one array per class. */
    final String[] names;
    /** KEYED, as arrays: the part values, in the order of {@link #names}. */
    final Object[] values;
    /** KEYED, as arrays: whether each part is a transient field (null when none is). */
    final boolean[] transientFlags;
    /** SEQUENCE: the elements in order. SET: the elements. */
    final List<?> elements;
    final Collection<?> set;
    /** Whether iteration order is part of the value (lists, arrays, linked and sorted kinds). */
    final boolean ordered;

    private View(Kind kind, Object leaf, Map<?, ?> parts, boolean realMap, Set<Object> transients, String[] names,
                 Object[] values, boolean[] transientFlags, List<?> elements, Collection<?> set, boolean ordered) {
        this.kind = kind;
        this.leaf = leaf;
        this.parts = parts;
        this.realMap = realMap;
        this.transients = transients;
        this.names = names;
        this.values = values;
        this.transientFlags = transientFlags;
        this.elements = elements;
        this.set = set;
        this.ordered = ordered;
    }

    static View leaf(Object value) {
        return new View(Kind.LEAF, value, null, false, Set.of(), null, null, null, null, null, false);
    }

    static View opaque() {
        return new View(Kind.OPAQUE, null, null, false, Set.of(), null, null, null, null, null, false);
    }

    static View keyed(Map<?, ?> parts, boolean realMap, Set<Object> transients, boolean ordered) {
        return new View(Kind.KEYED, null, parts, realMap, transients, null, null, null, null, null, ordered);
    }

    /**
     * Named parts as arrays: {@code names} distinct and shared by every value of one class, {@code values}
     * in the same order, {@code transientFlags} null when no part is transient.
     */
    static View named(String[] names, Object[] values, boolean[] transientFlags) {
        return new View(Kind.KEYED, null, null, false, null, names, values, transientFlags, null, null, false);
    }

    static View sequence(List<?> elements, boolean ordered) {
        return new View(Kind.SEQUENCE, null, null, false, Set.of(), null, null, null, elements, null, ordered);
    }

    static View set(Collection<?> set) {
        return new View(Kind.SET, null, null, false, Set.of(), null, null, null, null, set, false);
    }

    /** KEYED: the parts by name or key, in order. */
    Map<?, ?> parts() {
        if (parts == null) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                map.put(names[i], values[i]);
            }
            parts = map;
        }
        return parts;
    }

    /** KEYED: the names of the transient fields. */
    Set<Object> transients() {
        if (transients == null) {
            Set<Object> found = new HashSet<>();
            boolean[] flags = transientFlags == null ? NO_FLAGS : transientFlags;
            for (int i = 0; i < flags.length; i++) {
                if (flags[i]) {
                    found.add(names[i]);
                }
            }
            transients = found;
        }
        return transients;
    }

    /** KEYED, as arrays: whether part {@code i} is a transient field. */
    boolean isTransient(int i) {
        return transientFlags != null && transientFlags[i];
    }

    /** The elements of a SEQUENCE or SET, in iteration order. */
    List<?> asList() {
        return elements != null ? elements : List.copyOf(set);
    }
}
