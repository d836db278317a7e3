package dev.courier.clone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.courier.clone.HostilePayloads.Armed;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** hashCode, equals and comparators that throw while a copy is rebuilt: a DataCloneException with the path. */
class ThrowingUserCodeCloneTests {

    /** A comparator (a user class, so it is copied) that throws once armed. */
    static final class TouchyOrder implements Comparator<Integer> {
        boolean armed;

        @Override
        public int compare(Integer a, Integer b) {
            if (armed) {
                throw new IllegalStateException("compare of an armed order");
            }
            return Integer.compare(a, b);
        }
    }

    @Test
    void aThrowingHashCodeInAHashSetIsADataCloneExceptionAtTheElement() {
        // GIVEN a HashSet filled while its elements could hash, then armed
        Set<Armed> set = new HashSet<>(List.of(new Armed(1), new Armed(2)));
        set.forEach(t -> t.armed = true);
        Map<String, Object> payload = Map.of("tags", set);

        // WHEN cloned THEN the failure names the element's path and class, with the user's exception as cause
        assertThatThrownBy(() -> StructuredClone.copy(payload)).asInstanceOf(type(DataCloneException.class))
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("$.tags[0]");
                    assertThat(e.valueClass()).isEqualTo(Armed.class.getName());
                    assertThat(e.problem()).contains("its hashCode, equals or compareTo")
                            .contains("hashCode of an armed object").contains("java.util.HashSet");
                    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
                });
    }

    @Test
    void aThrowingHashCodeOfAMapKeyIsADataCloneExceptionAtTheKey() {
        // GIVEN a HashMap keyed by armed objects
        Map<Armed, String> map = new HashMap<>();
        map.put(new Armed(7), "seven");
        map.keySet().forEach(t -> t.armed = true);

        // WHEN cloned THEN the key's own path is named
        assertThatThrownBy(() -> StructuredClone.copy(map)).asInstanceOf(type(DataCloneException.class))
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("$.keySet()[#0]");
                    assertThat(e.valueClass()).isEqualTo(Armed.class.getName());
                });
    }

    @Test
    void aThrowingComparatorOfATreeSetIsADataCloneExceptionAtTheElement() {
        // GIVEN a TreeSet whose comparator throws by the time it is cloned
        TouchyOrder order = new TouchyOrder();
        TreeSet<Integer> sorted = new TreeSet<>(order);
        sorted.addAll(List.of(3, 1, 2));
        order.armed = true;

        // WHEN cloned THEN a DataCloneException names the first element and the comparator's failure
        assertThatThrownBy(() -> StructuredClone.copy(List.of(sorted))).asInstanceOf(type(DataCloneException.class))
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("$[0][0]");
                    assertThat(e.valueClass()).isEqualTo(Integer.class.getName());
                    assertThat(e.problem()).contains("compare of an armed order").contains("java.util.TreeSet");
                });
    }

    @Test
    void aThrowingHashCodeInAnImmutableSetIsADataCloneExceptionAtTheElement() {
        // GIVEN Set.of holding an armed element (rebuilt from its copied parts)
        Armed touchy = new Armed(5);
        Set<Armed> set = Set.of(touchy, new Armed(6));
        set.forEach(t -> t.armed = true);

        // WHEN cloned THEN the element's path is named
        assertThatThrownBy(() -> StructuredClone.copy(Map.of("only", set))).asInstanceOf(type(DataCloneException.class))
                .satisfies(e -> {
                    assertThat(e.path()).matches("\\$\\.only\\[[01]]");
                    assertThat(e.valueClass()).isEqualTo(Armed.class.getName());
                });
    }

    @Test
    void wellBehavedElementsStillClone() {
        // GIVEN the same shapes, unarmed WHEN cloned THEN they copy faithfully
        Set<Armed> set = new HashSet<>(List.of(new Armed(1), new Armed(2)));
        TreeSet<Integer> sorted = new TreeSet<>(new TouchyOrder());
        sorted.addAll(List.of(3, 1, 2));
        Map<String, Object> payload = Map.of("set", set, "sorted", sorted);
        assertThat(Fidelity.compare(payload, StructuredClone.copy(payload))).isEmpty();
    }
}
