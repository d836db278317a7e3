package dev.courier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EngineDefaultsOnly.class)
class DeterminismTests {

    private static final Gen<List<Object>> VALUES = Gens.combine(Gens.lists(Gens.strings(), 0, 5),
            Gens.doubles(), (strings, number) -> List.of(strings, number));

    private static List<List<Object>> generate(long seed) {
        List<List<Object>> values = new ArrayList<>();
        Fuzz.forAll(VALUES).seed(seed).tries(50).reportTo(line -> { }).check(values::add);
        return values;
    }

    @Test
    void sameSeedGeneratesTheSameValues() {
        // GIVEN / WHEN 50 values generated twice from seed 11
        List<List<Object>> first = generate(11);
        List<List<Object>> second = generate(11);

        // THEN they are equal, and not all the same value
        assertThat(first).hasSize(50).isEqualTo(second);
        assertThat(first.stream().distinct().count()).isGreaterThan(10);
    }

    @Test
    void differentSeedsGenerateDifferentValues() {
        // GIVEN / WHEN 50 values from seed 11 and from seed 12
        // THEN the sequences differ
        assertThat(generate(11)).isNotEqualTo(generate(12));
    }

    @Test
    void seedFromTheFailureReplaysTheSameFailure() {
        // GIVEN a failing property run with a random seed
        Fuzz<List<Integer>> fuzz = Fuzz.forAll(Gens.lists(Gens.ints())).reportTo(line -> { });
        FuzzFailure first = catchThrowableOfType(FuzzFailure.class,
                () -> fuzz.check(xs -> assertThat(xs).doesNotContain(7).hasSizeLessThan(3)));

        // WHEN it is run again with the reported seed
        FuzzFailure replayed = catchThrowableOfType(FuzzFailure.class,
                () -> fuzz.seed(first.seed()).check(xs -> assertThat(xs).doesNotContain(7).hasSizeLessThan(3)));

        // THEN the same original counterexample is found after the same number of tries
        assertThat(replayed.originalCounterexample()).isEqualTo(first.originalCounterexample());
        assertThat(replayed.tries()).isEqualTo(first.tries());
    }
}
