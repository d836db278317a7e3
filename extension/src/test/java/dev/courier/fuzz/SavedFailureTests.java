package dev.courier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EngineDefaultsOnly.class)
class SavedFailureTests {

    @TempDir
    Path failures;

    private Fuzz<List<Integer>> fuzz(long seed, List<String> lines) {
        return Fuzz.forAll(Gens.lists(Gens.ints(0, 1000))).named("lists-below-300").failuresDirectory(failures)
                .seed(seed).reportTo(lines::add);
    }

    @Test
    void namedFailureIsSavedReplayedFirstAndDeletedOnceItPasses() throws Exception {
        // GIVEN a named property that failed once
        List<String> lines = new ArrayList<>();
        FuzzFailure first = catchThrowableOfType(FuzzFailure.class,
                () -> fuzz(21, lines).check(xs -> assertThat(xs).allMatch(x -> x < 300)));
        Path saved = failures.resolve("lists-below-300.txt");
        assertThat(Files.readString(saved)).contains("seed=21\nchoices=");
        assertThat(first.getMessage()).contains("Failure saved to " + saved);

        // WHEN it runs again with another seed
        FuzzFailure replayed = catchThrowableOfType(FuzzFailure.class,
                () -> fuzz(22, lines).check(xs -> assertThat(xs).allMatch(x -> x < 300)));

        // THEN the saved case fails first, before any new try, with its own seed
        assertThat(replayed.getMessage()).startsWith("Property failed on its saved failure " + saved + " (seed 21)");
        assertThat(replayed.tries()).isZero();
        assertThat(replayed.minimalCounterexample()).isEqualTo("[300]");

        // WHEN the property is fixed
        lines.clear();
        fuzz(23, lines).check(xs -> assertThat(xs).allMatch(x -> x <= 1000));

        // THEN the saved failure is deleted and the run passes
        assertThat(saved).doesNotExist();
        assertThat(lines).contains("courier.fuzz.note: saved failure " + saved + " passes now; deleted");
    }

    @Test
    void unnamedPropertiesSaveNothing() throws Exception {
        // GIVEN an unnamed failing property
        // WHEN it fails
        FuzzFailure failure = catchThrowableOfType(FuzzFailure.class, () -> Fuzz.forAll(Gens.booleans())
                .failuresDirectory(failures).reportTo(line -> { }).check(b -> assertThat(b).isFalse()));

        // THEN nothing is written
        assertThat(failure.minimalCounterexample()).isEqualTo("true");
        try (var files = Files.list(failures)) {
            assertThat(files).isEmpty();
        }
    }
}
