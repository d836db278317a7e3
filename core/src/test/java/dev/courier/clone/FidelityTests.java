package dev.courier.clone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each codec does to the same payloads, as reported by the fidelity comparison. */
class FidelityTests {

    static Samples.Order order() {
        List<Samples.Item> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(new Samples.Item("sku" + i, i + 1, new Date(1_700_000_000_000L + i)));
        }
        return new Samples.Order("o-1", items);
    }

    static Stream<Arguments> payloads() {
        return Stream.of(
                payload("order of records", FidelityTests::order),
                payload("user objects", () -> new Samples.SavingsAccount("ada", 1, new ArrayList<>(List.of("t")), 0.5)),
                payload("ring", () -> {
                    Samples.Node a = new Samples.Node(1);
                    a.next = new Samples.Node(2);
                    a.next.next = a;
                    return a;
                }),
                payload("aliased list", () -> {
                    List<String> shared = new ArrayList<>(List.of("x"));
                    return new ArrayList<>(List.of(shared, shared));
                }),
                payload("throwable", () -> new IllegalStateException("boom", new RuntimeException("root"))),
                payload("map with object keys", () -> {
                    Map<Object, Object> map = new HashMap<>();
                    map.put(new Samples.Node(1), "one");
                    map.put(new Samples.Node(2), "two");
                    return map;
                }));
    }

    private static Arguments payload(String name, Supplier<Object> make) {
        return Arguments.of(name, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void structuredCloneHasNoDifferences(String name, Supplier<Object> make) {
        // GIVEN a payload WHEN it goes through structured clone
        List<Difference> differences = Fidelity.roundTrip(make.get(), Codecs.structuredClone());

        // THEN nothing differs
        assertThat(differences).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void theIdentityCodecIsNotIsolated(String name, Supplier<Object> make) {
        // GIVEN a payload WHEN it goes through the identity codec
        List<Difference> differences = Fidelity.roundTrip(make.get(), Codecs.identity());

        // THEN the root is reported as the very same mutable object
        assertThat(differences).extracting(Difference::kind).contains(DifferenceKind.NOT_ISOLATED);
        assertThat(differences).allSatisfy(d -> assertThat(d.toString()).contains(": NOT_ISOLATED expected an"
                + " independent copy of "));
    }

    @Test
    void javaSerializationLosesTransientFields() {
        // GIVEN a session with transient fields set
        Samples.Session session = new Samples.Session("ada", "secret", 3);

        // WHEN it goes through Java serialization
        List<Difference> differences = Fidelity.roundTrip(session, Codecs.javaSerialization(Samples.Session.class));

        // THEN both transient fields are reported missing
        assertThat(differences).map(Difference::toString).containsExactly(
                "$.token: MISSING expected \"secret\" but was null (transient field)",
                "$.retries: MISSING expected 3 but was 0 (transient field)");
    }

    @Test
    void aJsonStyleRoundTripChangesTypesAtTheirPaths() {
        // GIVEN an order whose items hold dates
        Samples.Order order = order();

        // WHEN it goes through the JSON-style codec
        List<Difference> differences = Fidelity.roundTrip(order, Codecs.jsonLike());

        // THEN the record, the numbers and the dates are reported with their paths
        assertThat(differences).map(Difference::toString)
                .contains("$: TYPE_CHANGED expected dev.courier.clone.Samples$Order but was java.util.LinkedHashMap",
                        "$.items[3].when: TYPE_CHANGED expected java.util.Date but was java.lang.String",
                        "$.items[0].quantity: TYPE_CHANGED expected java.lang.Integer but was java.lang.Double");
        assertThat(differences).filteredOn(d -> d.kind() != DifferenceKind.TYPE_CHANGED).isEmpty();
    }

    @Test
    void floatingPointIsComparedBitForBit() {
        // GIVEN values that equals-by-== would confuse
        double[] original = {Double.NaN, -0.0, 1.0};
        double[] same = {Double.NaN, -0.0, 1.0};
        double[] flipped = {Double.NaN, 0.0, 1.0};

        // WHEN compared
        // THEN NaN equals NaN, and -0.0 differs from 0.0
        assertThat(Fidelity.compare(original, same)).isEmpty();
        assertThat(Fidelity.compare(original, flipped)).map(Difference::toString)
                .containsExactly("$[1]: VALUE_CHANGED expected -0.0 but was 0.0");
    }

    @Test
    void aCopyThatUnrollsACycleIsReportedAsBroken() {
        // GIVEN a ring of two nodes and a "copy" whose second node points to a third node, not back
        Samples.Node a = new Samples.Node(1);
        a.next = new Samples.Node(2);
        a.next.next = a;
        Samples.Node copy = new Samples.Node(1);
        copy.next = new Samples.Node(2);
        copy.next.next = new Samples.Node(1);

        // WHEN compared
        List<Difference> differences = Fidelity.compare(a, copy);

        // THEN the broken cycle is named at the back edge
        assertThat(differences).map(Difference::toString).containsExactly(
                "$.next.next: CYCLE_BROKEN expected the same object as $ but was a distinct "
                        + "dev.courier.clone.Samples$Node");
    }

    @Test
    void aliasingLostAndAddedAreReported() {
        // GIVEN one list twice in the original, and copies that split or merge lists
        List<String> shared = new ArrayList<>(List.of("x"));
        List<Object> original = List.of(shared, shared);
        List<Object> split = List.of(new ArrayList<>(shared), new ArrayList<>(shared));
        List<String> first = new ArrayList<>(List.of("x"));
        List<Object> twoLists = List.of(first, new ArrayList<>(List.of("x")));
        List<Object> merged = List.of(first, first);

        // WHEN compared / THEN
        assertThat(Fidelity.compare(original, split)).map(Difference::toString).containsExactly(
                "$[1]: ALIASING_LOST expected the same object as $[0] but was a distinct java.util.ArrayList");
        assertThat(Fidelity.compare(twoLists, StructuredClone.copy(merged))).extracting(Difference::kind)
                .containsExactly(DifferenceKind.ALIASING_ADDED);
    }

    @Test
    void theJdksSharedEmptySuppressedListIsNotAnAliasOfTwoThrowables() {
        // GIVEN a throwable with a cause and a suppressed exception: both of those have no suppressed
        // exceptions, seen through the JDK's one shared empty list
        IllegalStateException failure = new IllegalStateException("boom", new RuntimeException("root"));
        failure.addSuppressed(new RuntimeException("cleanup"));

        // WHEN it goes through a JSON-style round trip, which makes a distinct list of each
        List<Difference> differences = Fidelity.roundTrip(failure, Codecs.jsonLike());

        // THEN the lists are compared as values (type changed), never reported as lost aliasing
        assertThat(differences).extracting(Difference::kind)
                .doesNotContain(DifferenceKind.ALIASING_LOST, DifferenceKind.ALIASING_ADDED);
        assertThat(differences).map(Difference::toString).contains(
                "$.cause.suppressed: TYPE_CHANGED expected java.util.ImmutableCollections$ListN but was "
                        + "java.util.ArrayList",
                "$.suppressed[0].suppressed: TYPE_CHANGED expected java.util.ImmutableCollections$ListN but was "
                        + "java.util.ArrayList");
    }

    @Test
    void immutableValuesReachedTwiceTakePartInNoAliasingCheck() {
        // GIVEN List.of() twice in a list, and one immutable list of strings twice
        List<Object> empties = new ArrayList<>(List.of(List.of(), List.of()));
        List<String> letters = List.of("x", "y");
        List<Object> sameLetters = Arrays.asList(letters, letters);

        // WHEN compared with copies that hold distinct lists there
        List<Difference> jsonDifferences = Fidelity.roundTrip(empties, Codecs.jsonLike());
        List<Difference> distinctImmutables = Fidelity.compare(sameLetters, Arrays.asList(List.of("x", "y"),
                List.of("x", "y")));

        // THEN only the types differ, and distinct immutable copies are no difference at all
        assertThat(jsonDifferences).map(Difference::toString).containsExactly(
                "$[0]: TYPE_CHANGED expected java.util.ImmutableCollections$ListN but was java.util.ArrayList",
                "$[1]: TYPE_CHANGED expected java.util.ImmutableCollections$ListN but was java.util.ArrayList");
        assertThat(distinctImmutables).isEmpty();
    }

    @Test
    void aCopyMergingImmutableValuesIntoOneMutableObjectIsAliasingAdded() {
        // GIVEN two distinct immutable lists, and a copy holding one mutable list in both places
        List<Object> original = Arrays.asList(List.of("x"), List.of("x"));
        List<String> merged = new ArrayList<>(List.of("x"));

        // WHEN compared
        List<Difference> differences = Fidelity.compare(original, Arrays.asList(merged, merged));

        // THEN the copy's new aliasing of a mutable object is reported
        assertThat(differences).map(Difference::toString).containsExactly(
                "$[0]: TYPE_CHANGED expected java.util.ImmutableCollections$List12 but was java.util.ArrayList",
                "$[1]: ALIASING_ADDED expected a distinct java.util.ImmutableCollections$List12 but was the same "
                        + "object as $[0]");
    }

    @Test
    void orderChangesAndMissingOrExtraEntriesAreReported() {
        // GIVEN ordered collections compared with reordered or trimmed copies
        LinkedHashSet<String> set = new LinkedHashSet<>(List.of("a", "b", "c"));
        LinkedHashSet<String> reordered = new LinkedHashSet<>(List.of("c", "b", "a"));
        Map<String, Integer> map = new LinkedHashMap<>(Map.of("k", 1));
        Map<String, Integer> other = new LinkedHashMap<>(Map.of("j", 1));

        // WHEN compared / THEN
        assertThat(Fidelity.compare(set, reordered)).map(Difference::toString).containsExactly(
                "$: ORDER_CHANGED expected [\"a\", \"b\", \"c\"] but was [\"c\", \"b\", \"a\"]");
        assertThat(Fidelity.compare(map, other)).map(Difference::toString).containsExactly(
                "$.k: MISSING expected 1 but was absent", "$.j: EXTRA expected absent but was 1");
        assertThat(Fidelity.compare(List.of(1, 2), List.of(1))).map(Difference::toString)
                .containsExactly("$[1]: MISSING expected 2 but was absent");
    }

    @Test
    void aSnapshotReportsMutationInFlight() {
        // GIVEN a payload shared by reference and snapshot at send
        Samples.Account account = new Samples.Account("ada", 10, new ArrayList<>(List.of("a")));
        Snapshot snapshot = Fidelity.snapshot(account);

        // WHEN the sender mutates it afterwards
        account.tags().add("b");

        // THEN the snapshot reports the change with its path
        assertThat(snapshot.mutations()).map(Difference::toString)
                .containsExactly("$.tags[1]: EXTRA expected absent but was \"b\"");
    }

    @Test
    void comparisonIsDeterministicAndHandlesDeepStructures() {
        // GIVEN two equal chains of 100,000 nodes, the last values differing
        Samples.Node a = chain(100_000);
        Samples.Node b = chain(100_000);
        Samples.Node tail = b;
        while (tail.next != null) {
            tail = tail.next;
        }
        tail.value = -1;

        // WHEN compared twice
        List<Difference> first = Fidelity.compare(a, b);
        List<Difference> second = Fidelity.compare(a, b);

        // THEN one difference, at the end of the chain, both times
        assertThat(first).hasSize(1).isEqualTo(second);
        assertThat(first.get(0).kind()).isEqualTo(DifferenceKind.VALUE_CHANGED);
        assertThat(first.get(0).path()).endsWith(".next.value");
    }

    private static Samples.Node chain(int length) {
        Samples.Node head = new Samples.Node(0);
        Samples.Node at = head;
        for (int i = 1; i < length; i++) {
            at.next = new Samples.Node(i);
            at = at.next;
        }
        return head;
    }
}
