package dev.courier.clone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Arrays of every component type, multi-dimensional arrays and cycles through arrays. */
class ArrayCloneTests {

    static Stream<Arguments> arrays() {
        return Stream.<Object>of(new byte[] {-128, 0, 127}, new short[] {-1, 2}, new int[] {Integer.MIN_VALUE, 7},
                new long[] {Long.MAX_VALUE}, new float[] {Float.NaN, -0.0f}, new double[] {-0.0, Double.NaN},
                new char[] {'\uD800', '\0'}, new boolean[] {true, false}, new String[] {"a", null},
                new Object[] {1, "two", 3.0}, new Integer[] {1, null}, new java.util.concurrent.TimeUnit[] {null},
                new int[0], new int[][] {{1, 2}, {3}, null}, new String[][][] {{{"deep"}}})
                .map(array -> Arguments.of(array.getClass().getSimpleName(), array));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrays")
    void arraysAreCopiedWithTheirComponentTypeAndContent(String type, Object array) {
        // GIVEN an array of some component type
        // WHEN it is cloned
        Object copy = StructuredClone.copy(array);

        // THEN a distinct array of the same class with the same content comes back
        assertThat(copy).isNotSameAs(array).hasSameClassAs(array);
        assertThat(Fidelity.compare(array, copy)).isEmpty();
    }

    @Test
    void innerArraysOfAMultiDimensionalArrayAreCopiedToo() {
        // GIVEN a two-dimensional array
        int[][] grid = {{1, 2}, {3, 4}};

        // WHEN it is cloned and the original changed
        int[][] copy = StructuredClone.copy(grid);
        grid[0][0] = 99;

        // THEN the copy's rows are independent
        assertThat(copy[0]).containsExactly(1, 2);
        assertThat(copy[0]).isNotSameAs(grid[0]);
    }

    @Test
    void anArrayContainingItselfComesBackAsACycle() {
        // GIVEN an array whose element is the array itself, twice
        Object[] array = new Object[3];
        array[0] = array;
        array[1] = "middle";
        array[2] = array;

        // WHEN it is cloned
        Object[] copy = StructuredClone.copy(array);

        // THEN the copy's elements point to the copy
        assertThat(copy[0]).isSameAs(copy);
        assertThat(copy[2]).isSameAs(copy);
        assertThat(copy[1]).isEqualTo("middle");
    }

    @Test
    void theSameArrayTwiceStaysOneArray() {
        // GIVEN two slots holding the same int array
        int[] shared = {1, 2, 3};
        Object[] holder = {shared, shared};

        // WHEN it is cloned
        Object[] copy = StructuredClone.copy(holder);

        // THEN both slots of the copy hold one new array
        assertThat(copy[0]).isSameAs(copy[1]).isNotSameAs(shared);
    }
}
