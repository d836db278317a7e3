package dev.courier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.clone.Fidelity;
import dev.courier.clone.StructuredClone;
import dev.courier.fuzz.internal.ChoiceRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CloneablePayloadsTests {

    @Test
    void everyCloneablePayloadSurvivesStructuredCloneWithoutDifference() {
        // GIVEN cloneable graphs: cycles, aliasing, edge values, every supported kind
        // WHEN each is structured-cloned and compared with its copy
        // THEN no comparison finds a difference
        Fuzz.forAll(Payloads.cloneable()).tries(1000).seed(20240611L).reportTo(line -> { })
                .check(payload -> assertThat(Fidelity.compare(payload, StructuredClone.copy(payload))).isEmpty());
    }

    @Test
    void generatedGraphsIncludeCyclesAliasingEmptyAndLargeCollections() {
        // GIVEN 2,000 generated payloads
        List<GraphShapes> shapes = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(99);
        for (int i = 0; i < 2000; i++) {
            shapes.add(GraphShapes.of(Payloads.cloneable().generate(ChoiceRecorder.random(random.split()))));
        }

        // WHEN their shapes are examined
        // THEN some have cycles, some aliasing, some empty containers, some a collection of over 100 elements
        assertThat(shapes).anyMatch(GraphShapes::hasCycle).anyMatch(GraphShapes::hasAliasing)
                .anyMatch(GraphShapes::hasEmptyContainer).anyMatch(shape -> shape.largestContainer() > 100);
        assertThat(shapes.stream().filter(GraphShapes::hasCycle).count()).isGreaterThan(20);
        assertThat(shapes.stream().filter(GraphShapes::hasAliasing).count()).isGreaterThan(20);
        assertThat(shapes.stream().mapToInt(GraphShapes::largestContainer).max().orElse(0)).isLessThanOrEqualTo(3000);
    }
}
