package dev.courier.clone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.courier.clone.HostilePayloads.Armed;
import dev.courier.clone.HostilePayloads.Holder;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Fidelity.compare on hostile shapes: it ends, without a stack overflow, and says where it gave up. */
class FidelityHostileInputTests {

    private static final Duration HANG = Duration.ofSeconds(60);

    /** Equal-looking a few levels down, different below: the structural hash puts them in one bucket. */
    static final class Deep {
        final Holder a;

        Deep(int tail) {
            a = new Holder(0);
            Holder b = new Holder(0);
            a.next.add(b);
            Holder c = new Holder(0);
            b.next.add(c);
            c.next.add(new Holder(tail));
        }
    }

    static Set<Object> nestedSets(int levels) {
        return HostilePayloads.nestedSetsOfObjects(levels);
    }

    @Test
    void fortyLevelsOfNestedSetsOfObjectsCompareInPolynomialTime() {
        // GIVEN a HashSet -> object -> HashSet chain 40 levels deep, which took exponential time
        Set<Object> original = nestedSets(40);
        Set<Object> copy = StructuredClone.copy(original);

        // WHEN compared THEN it ends, faithful
        List<Difference> differences = assertTimeoutPreemptively(HANG, () -> Fidelity.compare(original, copy));
        assertThat(differences).isEmpty();
    }

    @Test
    void twentyThousandLevelsOfNestedSetsCompareWithoutAStackOverflow() {
        // GIVEN 20,000 levels
        Set<Object> original = nestedSets(20_000);
        Set<Object> copy = StructuredClone.copy(original);

        // WHEN compared THEN no StackOverflowError, no difference
        List<Difference> differences = assertTimeoutPreemptively(HANG, () -> Fidelity.compare(original, copy));
        assertThat(differences).isEmpty();
    }

    @Test
    void aChangeDeepInsideNestedSetsIsReportedAtItsPath() {
        // GIVEN a copy whose holder at level 5 has another level number
        Set<Object> original = nestedSets(8);
        Set<Object> copy = StructuredClone.copy(original);
        Holder at = (Holder) copy.iterator().next();
        for (int i = 0; i < 5; i++) {
            at = (Holder) at.next.iterator().next();
        }
        Holder changed = new Holder(99);
        changed.next.addAll(at.next);
        Set<Object> parent = parentOf(copy, 5);
        parent.clear();
        parent.add(changed);

        // WHEN compared
        List<Difference> differences = assertTimeoutPreemptively(HANG, () -> Fidelity.compare(original, copy));

        // THEN the changed element is missing from its own set, and the copy's element is extra there
        assertThat(differences).extracting(Difference::path, Difference::kind).containsExactly(
                tuple("$[#0].next[#0].next[#0].next[#0].next[#0].next[#0]", DifferenceKind.MISSING),
                tuple("$[#0].next[#0].next[#0].next[#0].next[#0].next", DifferenceKind.EXTRA));
    }

    private static Set<Object> parentOf(Set<Object> root, int level) {
        Set<Object> at = root;
        for (int i = 0; i < level; i++) {
            at = ((Holder) at.iterator().next()).next;
        }
        return at;
    }

    @RepeatedTest(20)
    void manyLookAlikeElementsOfAFaithfulCopyAllMatch() {
        // GIVEN 300 set elements alike down to the structural hash's depth and different below it
        Set<Object> original = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            original.add(new Deep(i));
        }
        Set<Object> copy = StructuredClone.copy(original);

        // WHEN compared THEN no false alarm (pairwise matching used to stop at 64 elements)
        List<Difference> differences = assertTimeoutPreemptively(HANG, () -> Fidelity.compare(original, copy));
        assertThat(differences).isEmpty();
    }

    @Test
    void aLookAlikeElementThatDiffersBelowTheHashIsReportedAtItsPath() {
        // GIVEN look-alike elements, one of which the copy changed deep down
        Set<Object> original = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            original.add(new Deep(i));
        }
        Set<Object> copy = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            copy.add(new Deep(i));
        }
        copy.add(new Deep(40));

        // WHEN compared
        List<Difference> differences = Fidelity.compare(original, copy);

        // THEN the look-alikes are paired and the difference is reported in the innermost set, where it is
        assertThat(differences).extracting(Difference::kind)
                .containsExactly(DifferenceKind.MISSING, DifferenceKind.EXTRA);
        assertThat(differences.get(0).path()).matches("\\$\\[#\\d]\\.a\\.next\\[#0]\\.next\\[#0]\\.next\\[#0]");
        assertThat(differences.get(1).path()).isEqualTo(differences.get(0).path().replaceAll("\\[#0]$", ""));
    }

    @Test
    void aComparisonOverItsBudgetEndsWithAClearError() {
        // GIVEN a payload larger than the budget
        Set<Object> original = nestedSets(2_000);
        Set<Object> copy = StructuredClone.copy(original);

        // WHEN compared with a budget of 1,000 steps THEN it gives up, naming the budget and how to raise it
        assertThatThrownBy(() -> Fidelity.compare(original, copy, 1_000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Fidelity.compare gave up after 1000 steps, near $[#0].next")
                .hasMessageContaining("Fidelity.compare(original, copy, maxSteps)");
    }

    @Test
    void setElementsWhoseEqualsThrowsAreMatchedByStructure() {
        // GIVEN a set and its copy whose elements' hashCode and equals throw by the time they are compared
        Set<Armed> original = new HashSet<>(List.of(new Armed(1), new Armed(2), new Armed(3)));
        Set<Armed> copy = StructuredClone.copy(original);
        original.forEach(h -> h.armed = true);
        copy.forEach(h -> h.armed = true);

        // WHEN compared THEN no exception escapes and the faithful copy has no difference
        assertThat(Fidelity.compare(original, copy)).isEmpty();
    }

    @Test
    void anUnmatchedElementWhoseEqualsThrowsSaysSoAtItsPath() {
        // GIVEN a copy that lost one element, and elements whose equals throws
        Set<Armed> original = new HashSet<>(List.of(new Armed(1), new Armed(2)));
        Set<Armed> copy = new HashSet<>(List.of(new Armed(1)));
        original.forEach(h -> h.armed = true);
        copy.forEach(h -> h.armed = true);

        // WHEN compared
        List<Difference> differences = Fidelity.compare(original, copy);

        // THEN the missing element is reported at its path, with the failing equals named
        assertThat(differences).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DifferenceKind.MISSING);
            assertThat(d.path()).startsWith("$[#");
            assertThat(d.actual()).contains(Armed.class.getName() + ".equals or hashCode threw")
                    .contains("hashCode of an armed object");
        });
    }
}
