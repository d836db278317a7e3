package dev.courier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleShrinkingTests {

    enum Kind { SEND, PAUSE, REGISTER_LISTENER }

    record Step(Kind kind, int n) {
    }

    /** Always 200 steps while generating randomly (flag(1.0)), yet shrinkable to fewer: flags shrink to 0. */
    private static final Gen<List<Step>> SCHEDULES = Gen.of("schedules", source -> {
        Gen<Step> step = Gens.combine(Gens.elements(Kind.values()), Gens.ints(0, 100), Step::new);
        List<Step> steps = new ArrayList<>();
        while (steps.size() < 200 && source.flag(1.0)) {
            steps.add(source.draw(step));
        }
        return steps;
    });

    @Test
    void failingScheduleOf200StepsShrinksToTheTwoStepsThatMatter() {
        // GIVEN a property that breaks when a listener (n >= 3) is registered after a send with n >= 5
        // WHEN it is checked on 200-step schedules
        List<Integer> sizesSeen = new ArrayList<>();
        FuzzFailure failure = catchThrowableOfType(FuzzFailure.class, () -> Fuzz.forAll(SCHEDULES).seed(7)
                .reportTo(line -> { }).check(steps -> {
                    sizesSeen.add(steps.size());
                    assertThat(lateListener(steps)).isFalse();
                }));

        // THEN the original (first try) had 200 steps and the minimal case has exactly the two that matter
        assertThat(failure.tries()).isEqualTo(1);
        assertThat(sizesSeen.get(0)).isEqualTo(200);
        assertThat(failure.minimalCounterexample())
                .isEqualTo("[Step[kind=SEND, n=5], Step[kind=REGISTER_LISTENER, n=3]]");
    }

    private static boolean lateListener(List<Step> steps) {
        boolean sent = false;
        for (Step step : steps) {
            if (step.kind() == Kind.SEND && step.n() >= 5) {
                sent = true;
            } else if (sent && step.kind() == Kind.REGISTER_LISTENER && step.n() >= 3) {
                return true;
            }
        }
        return false;
    }
}
