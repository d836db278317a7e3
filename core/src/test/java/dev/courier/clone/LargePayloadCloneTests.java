package dev.courier.clone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No recursion limit from the Java stack, and size limits that fail cleanly (rule C6). */
class LargePayloadCloneTests {

    private static final int MILLION = 1_000_000;

    @Test
    void aMillionNodeLinkedStructureClonesWithoutStackOverflow() {
        // GIVEN a chain of a million user objects linked by a next field
        Samples.Node head = new Samples.Node(0);
        Samples.Node tail = head;
        for (int i = 1; i < MILLION; i++) {
            tail.next = new Samples.Node(i);
            tail = tail.next;
        }

        // WHEN it is cloned
        Samples.Node copy = StructuredClone.copy(head);

        // THEN every node is copied, in order, into new objects
        int count = 0;
        Samples.Node original = head;
        for (Samples.Node at = copy; at != null; at = at.next, original = original.next) {
            assertThat(at.value).isEqualTo(count++);
            assertThat(at).isNotSameAs(original);
        }
        assertThat(count).isEqualTo(MILLION);
    }

    @Test
    void aMillionElementLinkedListOfMutableElementsClones() {
        // GIVEN a LinkedList of a million small arrays
        LinkedList<int[]> list = new LinkedList<>();
        for (int i = 0; i < MILLION; i++) {
            list.add(new int[] {i});
        }

        // WHEN it is cloned
        LinkedList<int[]> copy = StructuredClone.copy(list);

        // THEN the copy is a LinkedList with copied elements in order
        assertThat(copy).hasSize(MILLION);
        assertThat(copy.getFirst()).containsExactly(0).isNotSameAs(list.getFirst());
        assertThat(copy.getLast()).containsExactly(MILLION - 1);
    }

    @Test
    void exceedingMaxObjectsNamesTheLimitItsValueAndThePath() {
        // GIVEN a payload of more mutable objects than allowed
        List<List<String>> payload = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            payload.add(new ArrayList<>(List.of("x")));
        }

        // WHEN / THEN the copy stops at the first object over the limit
        assertThatThrownBy(() -> StructuredClone.copy(Map.of("rows", payload), CloneOptions.defaults().maxObjects(5)))
                .asInstanceOf(type(DataCloneException.class))
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("$.rows[3]");
                    assertThat(e.getMessage()).isEqualTo("cannot clone $.rows[3] (java.util.ArrayList): limit"
                            + " maxObjects = 5 exceeded: the payload has more than 5 objects to copy. Hint: send a"
                            + " smaller payload, or raise CloneOptions.maxObjects");
                });
    }

    @Test
    void exceedingMaxBytesFailsBeforeTheAllocation() {
        // GIVEN a payload holding an array bigger than the byte limit
        Object[] payload = {"small", new long[1_000_000]};

        // WHEN / THEN the copy fails with the estimate, at the array's path
        assertThatThrownBy(() -> StructuredClone.copy(payload, CloneOptions.defaults().maxBytes(1024 * 1024)))
                .isInstanceOf(DataCloneException.class)
                .hasMessageStartingWith("cannot clone $[1] ([J): limit maxBytes = 1048576 exceeded: the copy would"
                        + " need about ");
    }

    @Test
    void cloneOptionsAreImmutableAndValidated() {
        // GIVEN the defaults
        CloneOptions defaults = CloneOptions.defaults();

        // WHEN an option is changed
        CloneOptions smaller = defaults.maxObjects(10);

        // THEN a new instance carries it, the defaults are unchanged, and nonsense is refused
        assertThat(smaller.maxObjects()).isEqualTo(10);
        assertThat(defaults.maxObjects()).isEqualTo(10_000_000L);
        assertThat(defaults.maxBytes()).isEqualTo(512L * 1024 * 1024);
        assertThatThrownBy(() -> defaults.maxBytes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBytes must be positive, was 0");
    }
}
