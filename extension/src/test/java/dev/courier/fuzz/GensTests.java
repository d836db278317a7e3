package dev.courier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EngineDefaultsOnly.class)
class GensTests {

    private static <T> List<T> sample(Gen<T> gen, int count) {
        List<T> values = new ArrayList<>();
        Fuzz.forAll(gen).seed(99).tries(count).reportTo(line -> { }).check(values::add);
        return values;
    }

    @Test
    void intsStayInRangeAndHitTheEdges() {
        // GIVEN / WHEN 2000 ints in [-5, 1000]
        List<Integer> values = sample(Gens.ints(-5, 1000), 2000);

        // THEN all are in range and the bounds, 0 and ±1 occur
        assertThat(values).allMatch(x -> x >= -5 && x <= 1000).contains(-5, 1000, 0, 1, -1);
    }

    @Test
    void longsHitTheExtremes() {
        // GIVEN / WHEN 2000 longs over the full range
        // THEN both extremes occur
        assertThat(sample(Gens.longs(), 2000)).contains(Long.MIN_VALUE, Long.MAX_VALUE, 0L);
    }

    @Test
    void doublesIncludeSpecialValues() {
        // GIVEN / WHEN 3000 doubles
        List<Double> values = sample(Gens.doubles(), 3000);

        // THEN NaN, infinities, -0.0 and MIN_VALUE occur (compared by bits, so -0.0 and NaN count)
        List<Long> bits = values.stream().map(Double::doubleToRawLongBits).toList();
        assertThat(values).anyMatch(d -> d.isNaN());
        assertThat(bits).contains(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(Double.POSITIVE_INFINITY),
                Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY),
                Double.doubleToRawLongBits(Double.MIN_VALUE));
    }

    @Test
    void boundedDoublesStayInRange() {
        // GIVEN / WHEN 1000 doubles in [-2.5, 7]
        // THEN all are in range, bounds included
        assertThat(sample(Gens.doubles(-2.5, 7), 1000)).allMatch(d -> d >= -2.5 && d <= 7).contains(-2.5, 7.0);
    }

    @Test
    void stringsCoverFullUnicode() {
        // GIVEN / WHEN 2000 strings
        String all = String.join("", sample(Gens.strings(), 2000));

        // THEN NUL, a lone surrogate and an astral character occur
        assertThat(all).contains("\u0000");
        assertThat(all.codePoints()).anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
                .anyMatch(cp -> cp > 0xFFFF);
    }

    @Test
    void collectionsRespectTheirSizes() {
        // GIVEN / WHEN lists, sets and maps with size bounds
        List<List<Integer>> lists = sample(Gens.lists(Gens.ints(0, 9), 2, 6), 300);
        List<Set<Integer>> sets = sample(Gens.sets(Gens.ints(0, 1000), 1, 5), 300);
        List<Map<String, Boolean>> maps = sample(Gens.maps(Gens.strings(1, 3), Gens.booleans(), 0, 4), 300);

        // THEN sizes stay within bounds and both bounds occur
        assertThat(lists).allMatch(l -> l.size() >= 2 && l.size() <= 6)
                .anyMatch(l -> l.size() == 2).anyMatch(l -> l.size() == 6);
        assertThat(sets).allMatch(s -> s.size() >= 1 && s.size() <= 5).anyMatch(s -> s.size() == 5);
        assertThat(maps).allMatch(m -> m.size() <= 4).anyMatch(Map::isEmpty).anyMatch(m -> m.size() == 4);
    }

    @Test
    void setsThatCannotReachTheirMinimumSayWhy() {
        // GIVEN a set needing 5 distinct booleans
        // WHEN / THEN generation fails naming the generator
        assertThatThrownBy(() -> sample(Gens.sets(Gens.booleans(), 5, 6), 1))
                .isInstanceOf(TooManyRejectionsException.class)
                .hasMessageStartingWith("sets(booleans(), 5, 6) found only 2 distinct values of the 5 required");
    }

    @Test
    void choicesCombinatorsPickFromTheirAlternatives() {
        // GIVEN / WHEN constant, elements, oneOf and frequency generators
        List<String> constants = sample(Gens.constant("x"), 20);
        List<String> elements = sample(Gens.elements("a", "b", "c"), 300);
        List<Object> oneOf = sample(Gens.oneOf(Gens.constant("s"), Gens.ints(5, 6)), 300);
        List<String> weighted = sample(Gens.frequency(Gens.weighted(9, Gens.constant("common")),
                Gens.weighted(1, Gens.constant("rare"))), 1000);

        // THEN each produces exactly its alternatives, weighted ones in proportion
        assertThat(constants).containsOnly("x");
        assertThat(elements).containsOnly("a", "b", "c").contains("a", "b", "c");
        assertThat(oneOf).containsOnly("s", 5, 6).contains("s", 5, 6);
        assertThat(weighted.stream().filter("rare"::equals).count()).isBetween(30L, 250L);
    }

    @Test
    void mapFlatMapAndPairsCompose() {
        // GIVEN a size n, then a list of n copies of n, paired with a boolean, and its size mapped out
        Gen<List<Integer>> sized = Gens.ints(0, 5).flatMap(n -> Gens.lists(Gens.constant(n), n, n));
        Gen<Pair<List<Integer>, Boolean>> pairs = Gens.pairs(sized, Gens.booleans());

        // WHEN sampled
        List<Pair<List<Integer>, Boolean>> values = sample(pairs, 200);
        List<Integer> sizes = sample(sized.map(List::size), 200);

        // THEN every list holds its own size, and mapped sizes cover the range
        assertThat(values).allMatch(p -> p.first().stream().allMatch(x -> x == p.first().size()));
        assertThat(sizes).containsOnly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void badArgumentsAreRejectedWithTheirNames() {
        // GIVEN / WHEN / THEN invalid bounds name the generator
        assertThatThrownBy(() -> Gens.ints(5, 1)).hasMessage("ints(5, 1): min 5 is greater than max 1");
        assertThatThrownBy(() -> Gens.lists(Gens.booleans(), 3, 2))
                .hasMessage("lists(booleans(), 3, 2): sizes must satisfy 0 <= minSize <= maxSize");
        assertThatThrownBy(() -> Gens.weighted(0, Gens.booleans()))
                .hasMessage("weighted(0, ...): weight must be at least 1");
    }
}
