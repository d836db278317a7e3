package dev.courier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EngineDefaultsOnly.class)
class FuzzFailureTests {

    @Test
    void failureMessageHasTheMinimalAndOriginalCaseSeedAndReplayLine() {
        // GIVEN a property failing on large elements, with a fixed seed
        List<String> lines = new ArrayList<>();
        Fuzz<List<Integer>> fuzz = Fuzz.forAll(Gens.lists(Gens.ints(0, 1000))).seed(1234).reportTo(lines::add);

        // WHEN it is checked
        FuzzFailure failure = catchThrowableOfType(FuzzFailure.class,
                () -> fuzz.check(xs -> assertThat(xs).as("elements").allMatch(x -> x < 500)));

        // THEN the message says what failed, on what, and how to replay it
        assertThat(failure.getMessage())
                .startsWith("Property failed after " + failure.tries() + " tr")
                .contains("with seed 1234; shrunk in " + failure.shrinkSteps() + " steps")
                .contains("Minimal counterexample:\n    [500]\n")
                .contains("Original counterexample:\n    " + failure.originalCounterexample() + "\n")
                .contains("Minimal failure: java.lang.AssertionError: [elements]")
                .endsWith("Replay: -Dcourier.fuzz.seed=1234 or .seed(1234L)");
        assertThat(failure.seed()).isEqualTo(1234);
        assertThat(failure.getCause()).isInstanceOf(AssertionError.class);
        assertThat(failure).isInstanceOf(AssertionError.class);
        // AND the run reported its seed and result
        assertThat(lines).startsWith("courier.fuzz.seed: 1234")
                .anyMatch(line -> line.startsWith("courier.fuzz.result: failed with seed 1234"));
    }

    @Test
    void passingRunReportsSeedAndTriesDone() {
        // GIVEN a property that holds
        List<String> lines = new ArrayList<>();

        // WHEN it is checked 30 times with seed 5
        Fuzz.forAll(Gens.booleans()).tries(30).seed(5).reportTo(lines::add).check(b -> assertThat(b).isNotNull());

        // THEN the seed and the tries done are reported
        assertThat(lines).containsExactly("courier.fuzz.seed: 5", "courier.fuzz.result: passed 30 tries with seed 5");
    }

    @Test
    void filterThatRejectsEverythingNamesTheGenerator() {
        // GIVEN a filter no value passes
        Gen<Integer> impossible = Gens.ints(0, 10).filter(x -> x > 100);

        // WHEN / THEN checking fails with a clear budget error
        assertThatThrownBy(() -> Fuzz.forAll(impossible).reportTo(line -> { }).check(x -> { }))
                .isInstanceOf(TooManyRejectionsException.class)
                .hasMessageStartingWith("filter rejected 1000 of 1000 candidates at ints(0, 10).filter");
    }

    @Test
    void filterKeepsOnlyAcceptedValues() {
        // GIVEN a filter keeping even numbers
        List<Integer> seen = new ArrayList<>();

        // WHEN values are generated
        Fuzz.forAll(Gens.ints(0, 1000).filter(x -> x % 2 == 0)).seed(3).reportTo(line -> { }).check(seen::add);

        // THEN all are even
        assertThat(seen).hasSize(100).allMatch(x -> x % 2 == 0);
    }

    @Test
    void assumptionsDiscardTriesInsteadOfFailing() {
        // GIVEN a property that aborts (assumption) on odd numbers
        List<String> lines = new ArrayList<>();

        // WHEN it is checked
        Fuzz.forAll(Gens.ints(0, 1000)).seed(8).tries(40).reportTo(lines::add).check(x -> {
            org.junit.jupiter.api.Assumptions.assumeTrue(x % 2 == 0);
            assertThat(x % 2).isZero();
        });

        // THEN it passes and reports the discarded tries
        assertThat(lines).last().asString().matches("courier.fuzz.result: passed 40 tries \\(\\d+ discarded by "
                + "assumptions\\) with seed 8");
    }

    @Test
    void optionsAreImmutableAndValidated() {
        // GIVEN a builder
        Fuzz<Boolean> base = Fuzz.forAll(Gens.booleans()).reportTo(line -> { });
        List<Boolean> seen = new ArrayList<>();

        // WHEN an option is set on a derived builder
        base.tries(3).check(seen::add);
        int afterDerived = seen.size();
        base.check(seen::add);

        // THEN the base keeps its default, and bad options are rejected with clear messages
        assertThat(afterDerived).isEqualTo(3);
        assertThat(seen).hasSize(103);
        assertThatThrownBy(() -> base.tries(0)).hasMessage("tries must be a positive integer, got '0'");
        assertThatThrownBy(() -> base.maxShrinkTime(Duration.ZERO))
                .hasMessage("maxShrinkTime must be positive, got 0 ms");
        assertThatThrownBy(() -> base.named(" ")).hasMessage("named(): the name must not be blank");
    }
}
