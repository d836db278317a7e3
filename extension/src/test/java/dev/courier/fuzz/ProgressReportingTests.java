package dev.courier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.courier.fuzz.internal.FuzzRunner;
import dev.courier.fuzz.internal.Pretty;
import dev.courier.fuzz.internal.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressReportingTests {

    @TempDir
    Path failures;

    private RunSettings settings(int tries) {
        // a zero progress interval makes every try and every shrink run due for a progress entry
        return new RunSettings(tries, 3, Duration.ofSeconds(10), 2000, null, failures, null, Duration.ZERO,
                ".seed(%dL)");
    }

    @Test
    void longRunsReportTriesDoneAsTheyGo() {
        // GIVEN a run whose progress is due on every try
        List<String> entries = new ArrayList<>();

        // WHEN 5 tries pass
        new FuzzRunner<>(Gens.booleans(), b -> { }, settings(5), Pretty::print,
                (key, value) -> entries.add(key + "=" + value)).run();

        // THEN each try reported its progress between the seed and the result
        assertThat(entries).containsExactly("courier.fuzz.seed=3",
                "courier.fuzz.progress=tries 1 of 5, shrink steps 0",
                "courier.fuzz.progress=tries 2 of 5, shrink steps 0",
                "courier.fuzz.progress=tries 3 of 5, shrink steps 0",
                "courier.fuzz.progress=tries 4 of 5, shrink steps 0",
                "courier.fuzz.progress=tries 5 of 5, shrink steps 0",
                "courier.fuzz.result=passed 5 tries with seed 3");
    }

    @Test
    void shrinkingReportsItsRunsAndSteps() {
        // GIVEN a failing run whose progress is due on every shrink run
        List<String> entries = new ArrayList<>();

        // WHEN it fails and shrinks
        FuzzFailure failure = catchThrowableOfType(FuzzFailure.class, () -> new FuzzRunner<>(
                Gens.lists(Gens.ints()), xs -> assertThat(xs).allMatch(x -> x < 100), settings(100), Pretty::print,
                (key, value) -> entries.add(key + "=" + value)).run());

        // THEN shrinking progress was reported, ending at the final step count
        assertThat(entries)
                .anyMatch(entry -> entry.matches("courier.fuzz.progress=shrinking: \\d+ runs, \\d+ shrink steps"))
                .last().asString().isEqualTo("courier.fuzz.result=failed with seed 3 after " + failure.tries()
                        + " tries, " + failure.shrinkSteps() + " shrink steps");
    }
}
