package dev.courier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.courier.clone.DataCloneException;
import dev.courier.clone.StructuredClone;
import dev.courier.fuzz.internal.ChoiceRecorder;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NonCloneablePayloadsTests {

    @Test
    void everyPoisonedPayloadFailsToCloneAtItsExpectedPath() {
        // GIVEN payloads with one non-cloneable value buried at a known path
        // WHEN each is structured-cloned
        // THEN the clone fails at exactly that path, naming the poison's class
        Fuzz.forAll(Payloads.nonCloneable()).tries(1000).seed(777L).reportTo(line -> { }).check(poisoned -> {
            DataCloneException failure = catchThrowableOfType(DataCloneException.class,
                    () -> StructuredClone.copy(poisoned.payload()));
            assertThat(failure).as("clone of a payload poisoned at %s", poisoned.expectedPath()).isNotNull();
            assertThat(failure.path()).isEqualTo(poisoned.expectedPath());
            assertThat(failure.valueClass()).isEqualTo(poisoned.poisonType().getName());
        });
    }

    @Test
    void poisonsAreBuriedAtVariousDepthsBehindEveryKindOfPathStep() {
        // GIVEN 500 poisoned payloads
        Set<Integer> depths = new HashSet<>();
        Set<String> steps = new HashSet<>();
        Set<Class<?>> poisons = new HashSet<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 500; i++) {
            PoisonedPayload poisoned = Payloads.nonCloneable().generate(ChoiceRecorder.random(random.split()));
            String path = poisoned.expectedPath();
            // WHEN their paths and poisons are collected
            depths.add(path.replaceAll("\\[\"([^\"\\\\]|\\\\.)*\"]", "[k]").replaceAll("[^.\\[]", "").length());
            steps.add(path.contains("[\"") ? "quoted key" : "");
            steps.add(path.matches(".*\\[\\d+].*") ? "index" : "");
            steps.add(path.contains(".value") ? "field" : "");
            steps.add(path.contains(".body") ? "record component" : "");
            poisons.add(poisoned.poisonType().isHidden() ? Runnable.class : poisoned.poisonType());
        }

        // THEN depths 1 to 4, every kind of step and many kinds of poison appear
        assertThat(depths).contains(1, 2, 3, 4);
        assertThat(steps).contains("quoted key", "index", "field", "record component");
        assertThat(poisons).hasSizeGreaterThan(8).contains(Thread.class);
    }
}
