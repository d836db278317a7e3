package dev.courier.clone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every collection kind keeps its concrete type, order and settings (rule C3). */
class CollectionCloneTests {

    static Stream<Arguments> mutableCollections() {
        return Stream.of(
                kind("ArrayList", () -> new ArrayList<>(List.of("b", "a", "c"))),
                kind("LinkedList", () -> new LinkedList<>(List.of("b", "a", "c"))),
                kind("ArrayDeque", () -> new ArrayDeque<>(List.of("b", "a", "c"))),
                kind("HashSet", () -> new HashSet<>(List.of("b", "a", "c"))),
                kind("LinkedHashSet", () -> new LinkedHashSet<>(List.of("b", "a", "c"))),
                kind("TreeSet", () -> new TreeSet<>(List.of("b", "a", "c"))),
                kind("CopyOnWriteArrayList", () -> new CopyOnWriteArrayList<>(List.of("b", "a", "c"))),
                kind("PriorityQueue", () -> new PriorityQueue<>(List.of("b", "a", "c"))),
                kind("ArrayBlockingQueue", () -> new ArrayBlockingQueue<>(7, false, List.of("b", "a"))),
                kind("EnumSet", () -> EnumSet.of(TimeUnit.HOURS, TimeUnit.DAYS)),
                kind("Arrays.asList", () -> Arrays.asList("b", "a", "c")),
                kind("HashMap", () -> new HashMap<>(Map.of("b", 1, "a", 2))),
                kind("LinkedHashMap", () -> new LinkedHashMap<>(Map.of("b", 1))),
                kind("TreeMap", () -> new TreeMap<>(Map.of("b", 1, "a", 2))),
                kind("ConcurrentHashMap", () -> new ConcurrentHashMap<>(Map.of("b", 1, "a", 2))),
                kind("EnumMap", () -> new EnumMap<>(Map.of(TimeUnit.SECONDS, "s"))),
                kind("unmodifiableList", () -> Collections.unmodifiableList(new LinkedList<>(List.of("a")))),
                kind("unmodifiableMap", () -> Collections.unmodifiableMap(new TreeMap<>(Map.of("a", 1)))),
                kind("unmodifiableSet", () -> Collections.unmodifiableSet(new HashSet<>(Set.of("a")))),
                kind("synchronizedList", () -> Collections.synchronizedList(new ArrayList<>(List.of("a")))),
                kind("synchronizedMap", () -> Collections.synchronizedMap(new HashMap<>(Map.of("a", 1)))),
                kind("synchronizedSortedSet", () -> Collections.synchronizedSortedSet(new TreeSet<>(Set.of("a")))));
    }

    private static Arguments kind(String name, Supplier<Object> make) {
        return Arguments.of(name, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutableCollections")
    void mutableCollectionsAreCopiedIntoTheSameClassWithTheSameContent(String kind, Supplier<Object> make) {
        // GIVEN a mutable collection of some kind
        Object original = make.get();

        // WHEN it is cloned
        Object copy = StructuredClone.copy(original);

        // THEN the copy is a distinct object of the same class, and fidelity finds nothing
        assertThat(copy).isNotSameAs(original).hasSameClassAs(original);
        assertThat(Fidelity.compare(original, copy)).as(kind).isEmpty();
    }

    @Test
    void wrappersWrapACopyOfTheWrappedCollectionOfTheSameClass() {
        // GIVEN an unmodifiable view of a LinkedList
        LinkedList<String> inner = new LinkedList<>(List.of("x"));
        List<String> view = Collections.unmodifiableList(inner);

        // WHEN it is cloned and the original's inner list changed
        List<String> copy = StructuredClone.copy(view);
        inner.add("y");

        // THEN the copy is still unmodifiable, still a LinkedList inside (no RandomAccess), and detached
        assertThat(copy).hasSameClassAs(view).containsExactly("x");
        assertThat(copy).isNotInstanceOf(java.util.RandomAccess.class);
    }

    @Test
    void treeMapKeepsItsComparatorWhenItIsAJdkSingleton() {
        // GIVEN sorted collections ordered by JDK singleton comparators
        TreeMap<String, Integer> reversed = new TreeMap<>(Collections.reverseOrder());
        reversed.putAll(Map.of("a", 1, "b", 2, "c", 3));
        TreeSet<String> insensitive = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        insensitive.addAll(List.of("b", "A", "c"));

        // WHEN they are cloned
        TreeMap<String, Integer> reversedCopy = StructuredClone.copy(reversed);
        TreeSet<String> insensitiveCopy = StructuredClone.copy(insensitive);

        // THEN the very same comparators order the copies
        assertThat(reversedCopy.comparator()).isSameAs(Collections.reverseOrder());
        assertThat(reversedCopy.keySet()).containsExactly("c", "b", "a");
        assertThat(insensitiveCopy.comparator()).isSameAs(String.CASE_INSENSITIVE_ORDER);
        assertThat(insensitiveCopy.contains("B")).isTrue();
    }

    /** A stateful user comparator: copied like any object. */
    static final class ByLength implements Comparator<String>, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final boolean longestFirst;

        ByLength(boolean longestFirst) {
            this.longestFirst = longestFirst;
        }

        @Override
        public int compare(String a, String b) {
            int order = Integer.compare(a.length(), b.length());
            return longestFirst ? -order : order;
        }
    }

    @Test
    void aUserComparatorIsCopiedWithItsState() {
        // GIVEN a TreeSet ordered by a user comparator with state
        ByLength comparator = new ByLength(true);
        TreeSet<String> words = new TreeSet<>(comparator);
        words.addAll(List.of("aa", "a", "aaa"));

        // WHEN it is cloned
        TreeSet<String> copy = StructuredClone.copy(words);

        // THEN the comparator is a copy of the same class and state, and the order is kept
        assertThat(copy.comparator()).isNotSameAs(comparator).isInstanceOf(ByLength.class);
        assertThat(((ByLength) copy.comparator()).longestFirst).isTrue();
        assertThat(copy).containsExactly("aaa", "aa", "a");
    }

    @Test
    void linkedHashMapKeepsAccessOrder() {
        // GIVEN an access-ordered LinkedHashMap whose first key was read last
        LinkedHashMap<String, Integer> lru = new LinkedHashMap<>(16, 0.75f, true);
        lru.put("a", 1);
        lru.put("b", 2);
        lru.put("c", 3);
        lru.get("a");

        // WHEN it is cloned and a key of the copy is read
        LinkedHashMap<String, Integer> copy = StructuredClone.copy(lru);
        List<String> orderAtClone = new ArrayList<>(copy.keySet());
        copy.get("b");

        // THEN the copy had the same order and still orders by access
        assertThat(orderAtClone).containsExactly("b", "c", "a");
        assertThat(copy.keySet()).containsExactly("c", "a", "b");
    }

    @Test
    void enumMapAndEnumSetKeepTheirKeyTypeEvenWhenEmpty() {
        // GIVEN an empty EnumMap and an empty EnumSet
        EnumMap<TimeUnit, String> map = new EnumMap<>(TimeUnit.class);
        EnumSet<TimeUnit> set = EnumSet.noneOf(TimeUnit.class);

        // WHEN they are cloned and filled
        EnumMap<TimeUnit, String> mapCopy = StructuredClone.copy(map);
        EnumSet<TimeUnit> setCopy = StructuredClone.copy(set);
        mapCopy.put(TimeUnit.DAYS, "d");
        setCopy.add(TimeUnit.DAYS);

        // THEN they work as EnumMap/EnumSet of TimeUnit, independent of the originals
        assertThat(mapCopy).containsEntry(TimeUnit.DAYS, "d");
        assertThat(setCopy).containsExactly(TimeUnit.DAYS);
        assertThat(map).isEmpty();
        assertThat(set).isEmpty();
    }

    static Stream<Arguments> immutableCollections() {
        return Stream.of(
                kind("List.of", () -> List.of(new ArrayList<>(List.of("x")), "y")),
                kind("Set.of", () -> Set.of(new ArrayList<>(List.of("x")))),
                kind("Map.of", () -> Map.of("k", new ArrayList<>(List.of("x")))),
                kind("Stream.toList with null", () -> Stream.of(new ArrayList<>(), null).toList()),
                kind("singletonList", () -> Collections.singletonList(new ArrayList<>(List.of("x")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("immutableCollections")
    void immutableCollectionsOfMutableElementsStayImmutable(String kind, Supplier<Object> make) {
        // GIVEN an immutable collection holding a mutable list
        Collection<?> original = asCollection(make.get());

        // WHEN it is cloned
        Collection<?> copy = asCollection(StructuredClone.copy(original));

        // THEN the copy is a new immutable collection of the same class with equal content
        assertThat(copy).isNotSameAs(original).hasSameClassAs(original);
        assertThat(Fidelity.compare(original, copy)).as(kind).isEmpty();
        assertThat(copy.getClass().getName()).doesNotContain("ArrayList");
    }

    private static Collection<?> asCollection(Object value) {
        return value instanceof Map<?, ?> map ? new WrappedMap(map) : (Collection<?>) value;
    }

    /** Lets a map ride through the collection-typed test above. */
    private record WrappedMap(Map<?, ?> map) implements Collection<Object> {
        public int size() { return map.size(); }
        public boolean isEmpty() { return map.isEmpty(); }
        public boolean contains(Object o) { return map.containsKey(o); }
        public java.util.Iterator<Object> iterator() { return List.<Object>copyOf(map.keySet()).iterator(); }
        public Object[] toArray() { return map.keySet().toArray(); }
        public <T> T[] toArray(T[] a) { return map.keySet().toArray(a); }
        public boolean add(Object o) { throw new UnsupportedOperationException(); }
        public boolean remove(Object o) { throw new UnsupportedOperationException(); }
        public boolean containsAll(Collection<?> c) { return map.keySet().containsAll(c); }
        public boolean addAll(Collection<?> c) { throw new UnsupportedOperationException(); }
        public boolean removeAll(Collection<?> c) { throw new UnsupportedOperationException(); }
        public boolean retainAll(Collection<?> c) { throw new UnsupportedOperationException(); }
        public void clear() { throw new UnsupportedOperationException(); }
    }

    @Test
    void immutableCollectionsOfImmutableValuesAreShared() {
        // GIVEN immutable collections of strings
        List<String> list = List.of("a", "b");
        Map<String, Integer> map = Map.of("a", 1);

        // WHEN / THEN they come back as the same instances
        assertThat(StructuredClone.copy(list)).isSameAs(list);
        assertThat(StructuredClone.copy(map)).isSameAs(map);
    }

    @Test
    void aUserSubclassOfArrayListKeepsItsClassFieldsAndElements() {
        // GIVEN a user subclass of ArrayList with its own field
        Samples.Tags tags = new Samples.Tags();
        tags.owner = "ops";
        tags.addAll(List.of("red", "blue"));

        // WHEN it is cloned
        Samples.Tags copy = StructuredClone.copy(tags);

        // THEN class, own field and elements are kept
        assertThat(copy).isNotSameAs(tags).containsExactly("red", "blue");
        assertThat(copy.owner).isEqualTo("ops");
    }
}
