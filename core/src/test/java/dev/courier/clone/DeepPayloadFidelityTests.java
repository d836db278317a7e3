package dev.courier.clone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fidelity.compare on deep and wide payloads: linear work, and the same paths, kinds and budget texts. */
class DeepPayloadFidelityTests {

    private static final Duration HANG = Duration.ofSeconds(60);

    /** A record that is not shared by its class (Object component), shared or not by what it holds. */
    record Wrap(String label, Object next) {
    }

    static class Base {
        int x;
    }

    /** Hides its superclass's field: the hidden one is the part {@code Sub.x}. */
    static final class Sub extends Base {
        int x;
    }

    private static Object chainEndingIn(Object tail, int depth) {
        Object at = tail;
        for (int i = 0; i < depth; i++) {
            at = new Wrap("link", at);
        }
        return at;
    }

    @Test
    void aDeepChainOfRecordsWhoseTailIsMutableComparesInLinearTime() {
        // GIVEN 200,000 records of immutable parts whose innermost part is a mutable array, and its clone
        // (telling whether each record is shared used to look down the whole rest of the chain)
        Object original = chainEndingIn(new int[] {7}, 200_000);
        Object copy = StructuredClone.copy(original);

        // WHEN compared THEN it ends, faithful
        List<Difference> differences = assertTimeoutPreemptively(HANG, () -> Fidelity.compare(original, copy));
        assertThat(differences).isEmpty();
    }

    @Test
    void aChangeAtTheTailOfARecordChainIsReportedAtItsPath() {
        // GIVEN a three-record chain whose copy holds another number in its innermost array
        Object original = chainEndingIn(new int[] {1, 2}, 3);
        Object copy = chainEndingIn(new int[] {1, 3}, 3);

        // WHEN compared THEN the element is named by its path
        assertThat(Fidelity.compare(original, copy)).map(Difference::toString)
                .containsExactly("$.next.next.next[1]: VALUE_CHANGED expected 2 but was 3");
    }

    @Test
    void oneArrayReachedTwiceInTheOriginalButCopiedTwiceIsAliasingLost() {
        // GIVEN an original holding one primitive array twice, and a copy holding two equal arrays
        int[] once = {1, 2, 3};
        int[][] original = {once, once};
        int[][] copy = {{1, 2, 3}, {1, 2, 3}};

        // WHEN compared THEN the second reach is reported, naming the first
        assertThat(Fidelity.compare(original, copy)).map(Difference::toString)
                .containsExactly("$[1]: ALIASING_LOST expected the same object as $[0] but was a distinct [I");
    }

    @Test
    void aLargeEqualPrimitiveArraySpendsOneStepPerElementAndEndsAtTheElementReached() {
        // GIVEN an array of 1,000 elements and its clone, and a budget of 500 steps
        int[] original = new int[1_000];
        int[] copy = StructuredClone.copy(original);

        // WHEN compared within 500 steps THEN it gives up at the element the budget ran out at
        assertThatThrownBy(() -> Fidelity.compare(original, copy, 500))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Fidelity.compare gave up after 500 steps, near $[499]: ");
        // AND within 1,001 steps (the array and each element) it ends, faithful
        assertThat(Fidelity.compare(original, copy, 1_001)).isEmpty();
        assertThatThrownBy(() -> Fidelity.compare(original, copy, 1_000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Fidelity.compare gave up after 1000 steps, near $[999]: ");
    }

    @Test
    void aChangedHiddenFieldIsReportedUnderItsDeclaringClassName() {
        // GIVEN two objects whose fields differ only in the subclass's field hiding the superclass's
        Sub original = new Sub();
        original.x = 1;
        ((Base) original).x = 5;
        Sub copy = StructuredClone.copy(original);
        copy.x = 2;

        // WHEN compared THEN the hidden field keeps its plain name and the hiding one is named by its class
        assertThat(Fidelity.compare(original, copy)).map(Difference::toString)
                .containsExactly("$.Sub.x: VALUE_CHANGED expected 1 but was 2");
        assertThat(((Base) copy).x).isEqualTo(5);
    }
}
