package dev.courier.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ExplorationTests {

    /** Two workers each post one result to main; main records the arrival order. */
    private static List<String> race(Simulation sim) {
        List<String> received = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            Worker worker = Worker.start(ctx -> ctx.parentPort().postMessage(name),
                    WorkerOptions.defaults().name(name).scheduler(sim));
            worker.onMessage(event -> received.add((String) event.data()));
        }
        sim.runUntilIdle();
        return received;
    }

    private static final Consumer<Simulation> FIRST_STARTED_ANSWERS_FIRST = sim -> {
        List<String> received = race(sim);
        assertThat(received).containsExactly("a", "b");
    };

    private static final Consumer<Simulation> BOTH_ANSWER = sim -> {
        List<String> received = race(sim);
        assertThat(received).containsExactlyInAnyOrder("a", "b");
    };

    @Test
    void exhaustiveExplorationFindsTheOneSwapThatBreaksAnAssumedOrder() {
        // GIVEN a program that assumes the worker started first answers first
        // WHEN every interleaving with at most one swap is explored
        Exploration.Result result = Exploration.exhaustive(1, 1_000).explore(FIRST_STARTED_ANSWERS_FIRST);

        // THEN one swap breaks it, found after the plain order passed
        assertThat(result.failed()).isTrue();
        assertThat(result.explored()).isGreaterThan(1);
        assertThat(result.interleaving().swaps()).hasSize(1);
        assertThat(result.failure()).hasMessageContaining("\"b\", \"a\"");
    }

    @Test
    void exhaustiveExplorationOfACorrectProgramRunsEveryInterleavingWithinTheBoundAndSaysHowMany() {
        // GIVEN a program that only expects both answers
        // WHEN every interleaving with at most two swaps is explored, twice
        Exploration.Result first = Exploration.exhaustive(2, 100_000).explore(BOTH_ANSWER);
        Exploration.Result second = Exploration.exhaustive(2, 100_000).explore(BOTH_ANSWER);

        // THEN none fails, the exploration is complete, and it counts the same interleavings each time
        assertThat(first.failed()).isFalse();
        assertThat(first.complete()).isTrue();
        assertThat(first.explored()).isGreaterThan(Exploration.exhaustive(1, 100_000).explore(BOTH_ANSWER)
                .explored()).isEqualTo(second.explored());
    }

    @Test
    void exhaustiveExplorationStopsAtItsRunBound() {
        // GIVEN a correct program with more interleavings than the bound
        // WHEN at most 3 runs are allowed
        Exploration.Result result = Exploration.exhaustive(5, 3).explore(BOTH_ANSWER);

        // THEN it ran 3 and says it is incomplete
        assertThat(result.explored()).isEqualTo(3);
        assertThat(result.complete()).isFalse();
    }

    @Test
    void pctFindsTheAssumedOrderBugWithinAFewRunsOnEverySeed() {
        for (long seed = 1; seed <= 20; seed++) {
            // GIVEN the order-assuming program and a seed
            // WHEN 50 PCT runs of depth 1 are made
            Exploration.Result result = Exploration.pct(1, 50, seed).explore(FIRST_STARTED_ANSWERS_FIRST);

            // THEN a run with b's priority above a's fails
            assertThat(result.failed()).as("seed %d", seed).isTrue();
        }
    }

    @Test
    void pctNeverFailsACorrectProgram() {
        // GIVEN the correct program
        // WHEN 500 PCT runs of depth 3 are made
        Exploration.Result result = Exploration.pct(3, 500, 7).explore(BOTH_ANSWER);

        // THEN none failed
        assertThat(result.failed()).isFalse();
        assertThat(result.explored()).isEqualTo(500);
    }

    @Test
    void lateTimersAreExploredWhenAllowed() {
        // GIVEN a program that expects a zero-delay timer to have fired once the simulation is idle
        Consumer<Simulation> timerOnTime = sim -> {
            List<String> fired = new ArrayList<>();
            Worker worker = Worker.start(ctx -> ctx.setTimeout(() -> fired.add("t"), Duration.ZERO),
                    WorkerOptions.defaults().name("w").scheduler(sim));
            sim.runUntilIdle();
            assertThat(fired).containsExactly("t");
            worker.terminate();
        };

        // WHEN explored without and with timer lateness
        Exploration.Result onTime = Exploration.exhaustive(1, 100).explore(timerOnTime);
        Exploration.Result late = Exploration.exhaustive(1, 100).timerLateness(Duration.ofMillis(1))
                .explore(timerOnTime);

        // THEN only lateness breaks it, with one late timer
        assertThat(onTime.failed()).isFalse();
        assertThat(late.failed()).isTrue();
        assertThat(late.interleaving().lateTimers()).singleElement()
                .satisfies(timer -> assertThat(timer.lateNanos()).isEqualTo(1_000_000L));
    }

    @Test
    void roundRobinChoicesGiveTheSameInterleavingEveryRun() {
        // GIVEN two simulations driven round-robin
        Simulation one = Simulation.driven(SchedulingChoices.roundRobin(), Duration.ZERO);
        Simulation two = Simulation.driven(SchedulingChoices.roundRobin(), Duration.ZERO);

        // WHEN the same race runs on each
        List<String> first = race(one);
        List<String> second = race(two);

        // THEN both ran the same steps without a swap, started order first
        assertThat(first).containsExactly("a", "b").isEqualTo(second);
        assertThat(one.interleaving().orElseThrow().swaps()).isEmpty();
        assertThat(one.interleaving().orElseThrow().steps()).isEqualTo(two.interleaving().orElseThrow().steps());
    }
}
