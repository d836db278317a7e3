package dev.courier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;

class ShrinkingTests {

    sealed interface Tree permits Leaf, Node {
    }

    record Leaf(int value) implements Tree {
    }

    record Node(List<Tree> children) implements Tree {
    }

    static <T> FuzzFailure failureOf(Gen<T> gen, ThrowingConsumer<T> property) {
        return catchThrowableOfType(FuzzFailure.class,
                () -> Fuzz.forAll(gen).seed(42).tries(1000).reportTo(line -> { }).check(property));
    }

    @Test
    void listElementAtLeast100ShrinksToExactlyHundred() {
        // GIVEN lists of any ints and the property "no element >= 100"
        // WHEN the property is checked
        FuzzFailure failure = failureOf(Gens.lists(Gens.ints()), xs -> assertThat(xs).allMatch(x -> x < 100));

        // THEN the minimal counterexample is the single element at the boundary
        assertThat(failure).isNotNull();
        assertThat(failure.minimalCounterexample()).isEqualTo("[100]");
    }

    @Test
    void listSumShrinksToASingleElementAtTheBoundary() {
        // GIVEN lists of ints and the property "sum < 1000"
        // WHEN the property is checked
        FuzzFailure failure = failureOf(Gens.lists(Gens.ints()),
                xs -> assertThat(xs.stream().mapToLong(Integer::longValue).sum()).isLessThan(1000));

        // THEN it shrinks to [1000]
        assertThat(failure.minimalCounterexample()).isEqualTo("[1000]");
    }

    @Test
    void stringsShrinkToTheShortestSimplestString() {
        // GIVEN strings over full Unicode and the property "shorter than 5 code points"
        // WHEN the property is checked
        FuzzFailure failure = failureOf(Gens.strings(0, 40),
                s -> assertThat(s.codePointCount(0, s.length())).isLessThan(5));

        // THEN the minimal string has exactly 5 of the simplest character
        assertThat(failure.minimalCounterexample()).isEqualTo("\"aaaaa\"");
    }

    @Test
    void stringsWithAnyNonAsciiCharacterShrinkToOneCharacter() {
        // GIVEN the property "strings are ASCII"
        // WHEN the property is checked
        FuzzFailure failure = failureOf(Gens.strings(),
                s -> assertThat(s.chars().allMatch(c -> c < 128)).isTrue());

        // THEN the minimal string is one character long
        assertThat(failure.minimalCounterexample()).matches("\"\\\\u[0-9A-F]{4}\"");
    }

    @Test
    void recursiveTreesShrinkToTheSmallestDeepTree() {
        // GIVEN trees of leaves and nodes up to depth 6, and the property "depth below 3"
        Gen<Tree> leaves = Gens.ints(0, 1000).map(Leaf::new);
        Gen<Tree> trees = Gens.recursive(leaves, inner -> Gens.lists(inner, 0, 4).map(Node::new), 6);

        // WHEN the property is checked
        FuzzFailure failure = failureOf(trees, tree -> assertThat(depth(tree)).isLessThan(3));

        // THEN the minimal tree is a chain of three childless-at-the-bottom nodes
        assertThat(failure.minimalCounterexample())
                .isEqualTo("Node[children=[Node[children=[Node[children=[]]]]]]");
    }

    private static int depth(Tree tree) {
        if (tree instanceof Node node) {
            return 1 + node.children().stream().mapToInt(ShrinkingTests::depth).max().orElse(0);
        }
        return 0;
    }
}
