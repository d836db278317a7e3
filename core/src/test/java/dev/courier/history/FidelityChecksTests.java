package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FidelityChecksTests {

    private final History history = new History();

    /** A user class without equals: only a structural comparison can tell a faithful copy from a bad one. */
    static final class Point {
        final int x;
        final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }

    private void deliver(long id, Object sent, Object delivered) {
        history.message(EventKind.SENT, id, id, "main", "w#1").payload(sent).append();
        history.message(EventKind.DELIVERED, id, id, "main", "w#1").payload(delivered).append();
    }

    @Test
    void faithfulCopiesAreClean() {
        // GIVEN equal payloads on both ends
        deliver(1, new ArrayList<>(List.of(1, 2)), new ArrayList<>(List.of(1, 2)));

        // WHEN
        FidelityReport report = Checks.fidelity(history.snapshot());

        // THEN
        assertThat(report.isClean()).isTrue();
        assertThat(report.compared()).isEqualTo(1);
    }

    @Test
    void theDefaultComparesUserClassesFieldByField() {
        // GIVEN a faithful copy of a point and a copy whose y changed, of a class without equals
        deliver(1, new Point(1, 2), new Point(1, 2));
        deliver(2, new Point(1, 2), new Point(1, 3));

        // WHEN
        FidelityReport report = Checks.fidelity(history.snapshot());

        // THEN only the changed field is reported, with its path
        assertThat(report.compared()).isEqualTo(2);
        assertThat(report.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(2);
            assertThat(m.differences()).containsExactly("$.y: VALUE_CHANGED expected 2 but was 3");
        });
    }

    @Test
    void theDefaultFindsNestedTypeChangesThatShallowEqualityMisses() {
        // GIVEN a list whose inner list changed type but not content
        deliver(1, List.of(new ArrayList<>(List.of(1))), List.of(new LinkedList<>(List.of(1))));

        // WHEN compared structurally and shallowly
        FidelityReport structural = Checks.fidelity(history.snapshot());
        FidelityReport shallow = Checks.fidelity(history.snapshot(), PayloadComparator.equality());

        // THEN only the structural comparison sees the change, at its path
        assertThat(structural.mismatches()).singleElement().satisfies(m -> assertThat(m.differences())
                .containsExactly("$[0]: TYPE_CHANGED expected java.util.ArrayList but was java.util.LinkedList"));
        assertThat(shallow.isClean()).isTrue();
    }

    @Test
    void theSameObjectOnBothEndsIsNotIsolated() {
        // GIVEN a payload delivered as the very object that was sent (a sharing codec)
        List<Integer> shared = new ArrayList<>(List.of(1));
        deliver(1, shared, shared);

        // WHEN
        FidelityReport report = Checks.fidelity(history.snapshot());

        // THEN
        assertThat(report.mismatches()).singleElement().satisfies(m -> assertThat(m.differences())
                .singleElement().asString().startsWith("$: NOT_ISOLATED"));
    }

    @Test
    void comparatorDifferencesBecomeMismatchesAndAnAnomaly() {
        // GIVEN a list whose type changed in transit
        deliver(1, new ArrayList<>(List.of(1)), new LinkedList<>(List.of(1)));
        history.roundTrip(2, 2, "main", "w#1");

        // WHEN
        FidelityReport report = Checks.fidelity(history.snapshot(), PayloadComparator.equality());

        // THEN
        assertThat(report.notCompared()).isEqualTo(1);
        assertThat(report.mismatches()).singleElement().satisfies(m -> assertThat(m.differences())
                .containsExactly("$: TYPE_CHANGED expected java.util.ArrayList but was java.util.LinkedList"));
        assertThat(report.anomalies().get(0).explanation()).isEqualTo("1 message delivered to `w#1` differed from "
                + "what was sent (first: message 1 from `main`: $: TYPE_CHANGED expected java.util.ArrayList but was "
                + "java.util.LinkedList)");
    }

    @Test
    void mutationInFlightIsAFidelityAnomaly() {
        // GIVEN a recorded mutation in flight
        history.roundTrip(1, 1, "main", "w#1");
        history.message(EventKind.MUTATED_IN_FLIGHT, 1, 1, "main", "w#1").detail("$.count: 1 -> 2").append();

        // WHEN
        FidelityReport report = Checks.fidelity(history.snapshot(), (a, b) -> List.of());

        // THEN
        assertThat(report.mutations()).extracting(InFlightMutation::detail).containsExactly("$.count: 1 -> 2");
        assertThat(report.anomalies()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AnomalyKind.MUTATED_IN_FLIGHT);
            assertThat(a.explanation()).isEqualTo("1 payload sent to `w#1` changed between send and delivery (first: "
                    + "message 1 from `main`: $.count: 1 -> 2)");
        });
    }
}
