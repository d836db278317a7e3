package dev.courier.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DrivenSchedulingTests {

    /** Workers that each note their name in one step, then once more in a second step (an immediate). */
    private static List<String> twoStepsEach(Simulation sim, List<String> names) {
        List<String> ran = new ArrayList<>();
        for (String name : names) {
            Worker.start(ctx -> {
                ran.add(name + "1");
                ctx.setImmediate(() -> ran.add(name + "2"));
            }, WorkerOptions.defaults().name(name).scheduler(sim));
        }
        sim.runUntilIdle();
        return ran;
    }

    /** Three workers whose scripts do nothing: 3 loops due at once, then 2, then 1. */
    private static final Consumer<Simulation> THREE_SILENT_WORKERS = sim -> {
        for (String name : List.of("a", "b", "c")) {
            Worker.start(ctx -> { }, WorkerOptions.defaults().name(name).scheduler(sim));
        }
        sim.runUntilIdle();
    };

    @Test
    void roundRobinTakesTurnsStartingAfterTheLoopThatRanLast() {
        // GIVEN three workers of two steps each, driven round-robin
        Simulation sim = Simulation.driven(SchedulingChoices.roundRobin(), Duration.ZERO);

        // WHEN they run
        List<String> ran = twoStepsEach(sim, List.of("a", "b", "c"));

        // THEN each loop ran in turn, in start order, and no step was a deviation
        assertThat(ran).containsExactly("a1", "b1", "c1", "a2", "b2", "c2");
        assertThat(sim.interleaving().orElseThrow().deviations()).isZero();
    }

    @Test
    void exhaustiveExplorationWithOneDeviationRunsThePlainOrderAndEachSingleOtherChoice() {
        // GIVEN three workers, and the number of loops due at each decision of their plain order
        List<Integer> options = new ArrayList<>();
        THREE_SILENT_WORKERS.accept(Simulation.driven(count -> {
            options.add(count);
            return 0;
        }, Duration.ZERO));
        int single = options.stream().mapToInt(count -> count - 1).sum();

        // WHEN explored with 0, 1 and 2 deviations allowed
        Exploration.Result none = Exploration.exhaustive(0, 100_000).explore(THREE_SILENT_WORKERS);
        Exploration.Result one = Exploration.exhaustive(1, 100_000).explore(THREE_SILENT_WORKERS);
        Exploration.Result two = Exploration.exhaustive(2, 100_000).explore(THREE_SILENT_WORKERS);

        // THEN none ran the plain order only, one ran it and every other choice at one decision, two ran more
        assertThat(options).isNotEmpty().allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(2));
        assertThat(none.explored()).isEqualTo(1);
        assertThat(one.explored()).isEqualTo(1 + single);
        assertThat(two.explored()).isGreaterThan(one.explored());
        assertThat(List.of(none, one, two)).allSatisfy(result -> {
            assertThat(result.complete()).isTrue();
            assertThat(result.failed()).isFalse();
            assertThat(result.interleaving()).isNull();
        });
    }

    @Test
    void eachDecisionOffersEveryDueLoopOnceStartingAfterTheLoopThatRanLast() {
        // GIVEN choices that note the loops offered at each decision and take the plain one
        List<List<String>> offered = new ArrayList<>();
        SchedulingChoices noting = new SchedulingChoices() {
            @Override
            public int choose(int options) {
                return 0;
            }

            @Override
            public int pickLoop(List<String> due) {
                offered.add(List.copyOf(due));
                return 0;
            }
        };
        Simulation sim = Simulation.driven(noting, Duration.ZERO);

        // WHEN three workers of two steps each run
        twoStepsEach(sim, List.of("a", "b", "c"));

        // THEN no loop is offered twice at a decision, and the first three decisions rotate a, b, c
        assertThat(offered).hasSizeGreaterThan(3).allSatisfy(due -> assertThat(due).doesNotHaveDuplicates());
        assertThat(offered.get(0)).startsWith("courier-worker-a-1", "courier-worker-b-2", "courier-worker-c-3");
        assertThat(offered.get(1)).startsWith("courier-worker-b-2", "courier-worker-c-3");
        assertThat(offered.get(2)).startsWith("courier-worker-c-3");
    }

    @Test
    void timerLatenessIsExploredOneMillisecondAtATimeUpToItsBound() {
        // GIVEN a worker with one zero-delay timer, noting how late it fired
        List<Long> lateness = new ArrayList<>();
        Consumer<Simulation> program = sim -> {
            long[] setAt = new long[1];
            Worker.start(ctx -> {
                setAt[0] = sim.nanoTime();
                ctx.setTimeout(() -> lateness.add(sim.nanoTime() - setAt[0]), Duration.ZERO);
            }, WorkerOptions.defaults().name("w").scheduler(sim));
            sim.advance(Duration.ofMillis(5));
        };
        List<Integer> options = new ArrayList<>();
        List<Integer> loopChoices = new ArrayList<>();
        program.accept(Simulation.driven(new SchedulingChoices() {
            @Override
            public int choose(int count) {
                options.add(count);
                return 0;
            }

            @Override
            public int pickLoop(List<String> due) {
                loopChoices.add(due.size());
                return 0;
            }
        }, Duration.ofMillis(2)));
        lateness.clear();

        // WHEN explored with timers up to 2 ms late
        Exploration.Result result = Exploration.exhaustive(1, 100).timerLateness(Duration.ofMillis(2))
                .explore(program);

        // THEN every timer had 3 choices (on time, 1 ms, 2 ms late), and the worker's timer fired at each
        assertThat(options).isNotEmpty().containsOnly(3);
        assertThat(result.complete()).isTrue();
        assertThat(result.explored()).isEqualTo(1 + 2 * options.size()
                + loopChoices.stream().mapToInt(count -> count - 1).sum());
        assertThat(lateness).containsOnly(0L, 1_000_000L, 2_000_000L).contains(1_000_000L, 2_000_000L);
    }

    @Test
    void aLateTimerIsRecordedWithTheStepAndLoopThatSetIt() {
        // GIVEN a program that fails when its timer is late
        Consumer<Simulation> program = sim -> {
            List<String> fired = new ArrayList<>();
            Worker.start(ctx -> ctx.setTimeout(() -> fired.add("t"), Duration.ZERO),
                    WorkerOptions.defaults().name("w").scheduler(sim));
            sim.runUntilIdle();
            assertThat(fired).as("fired on time").containsExactly("t");
        };

        // WHEN explored with timers up to 1 ms late
        Exploration.Result result = Exploration.exhaustive(1, 100).timerLateness(Duration.ofMillis(1))
                .explore(program);

        // THEN the failing run says the worker's loop set the timer, in a step it ran, 1 ms late
        Interleaving interleaving = result.interleaving();
        assertThat(interleaving.lateTimers()).singleElement().satisfies(late -> {
            assertThat(late.loop()).isEqualTo("courier-worker-w-1");
            assertThat(late.step()).isPositive();
            assertThat(interleaving.loopAt((int) late.step())).isEqualTo(late.loop());
            assertThat(late.lateNanos()).isEqualTo(1_000_000L);
        });
        assertThat(interleaving.deviations()).isEqualTo(1);
        assertThat(interleaving).hasToString("Interleaving[" + interleaving.steps() + " steps, 0 swaps, 1 late timers]");
    }

    @Test
    void theInterleavingRecordsTheMarkBeforeAndAfterEveryStep() {
        // GIVEN a driven simulation that marks its steps with a counter the workers raise
        Simulation sim = Simulation.driven(SchedulingChoices.roundRobin(), Duration.ZERO);
        AtomicInteger counter = new AtomicInteger(10);
        sim.markStepsWith(counter::get);

        // WHEN two workers each raise it by one in their only step
        for (String name : List.of("a", "b")) {
            Worker.start(ctx -> counter.incrementAndGet(), WorkerOptions.defaults().name(name).scheduler(sim));
        }
        sim.runUntilIdle();

        // THEN each step starts from the mark the step before ended with, and only the two scripts raised it
        Interleaving interleaving = sim.interleaving().orElseThrow();
        List<String> raisedBy = new ArrayList<>();
        for (int step = 1; step <= interleaving.steps(); step++) {
            int before = interleaving.markBefore(step);
            assertThat(before).isEqualTo(step == 1 ? 10 : interleaving.markAfter(step - 1));
            if (interleaving.markAfter(step) != before) {
                assertThat(interleaving.markAfter(step)).isEqualTo(before + 1);
                raisedBy.add(interleaving.loopAt(step));
            }
        }
        assertThat(raisedBy).containsExactly("courier-worker-a-1", "courier-worker-b-2");
        assertThat(interleaving.markAfter(interleaving.steps())).isEqualTo(12);
        assertThat(interleaving).hasToString("Interleaving[" + interleaving.steps() + " steps, 0 swaps, 0 late timers]");
    }

    @Test
    void aSwapIsRecordedWithItsStepTheLoopThatRanAndTheOneItSkipped() {
        // GIVEN choices that pick the second due loop at the first decision only
        int[] decisions = {0};
        SchedulingChoices secondFirst = options -> decisions[0]++ == 0 ? 1 : 0;
        Simulation sim = Simulation.driven(secondFirst, Duration.ZERO);

        // WHEN two workers of one step each run
        for (String name : List.of("a", "b")) {
            Worker.start(ctx -> { }, WorkerOptions.defaults().name(name).scheduler(sim));
        }
        sim.runUntilIdle();

        // THEN step 1 ran b, skipping a, by choice 1
        Interleaving interleaving = sim.interleaving().orElseThrow();
        assertThat(interleaving.swaps()).containsExactly(
                new Interleaving.Swap(1, "courier-worker-b-2", "courier-worker-a-1", 1));
        assertThat(interleaving.loopAt(1)).isEqualTo("courier-worker-b-2");
    }

    @Test
    void aChoiceOutsideTheDueLoopsIsRefusedNamingTheChoiceAndTheLoops() {
        for (int bad : new int[] {-1, 2}) {
            // GIVEN choices that answer out of range
            Simulation sim = Simulation.driven(options -> bad, Duration.ZERO);
            for (String name : List.of("a", "b")) {
                Worker.start(ctx -> { }, WorkerOptions.defaults().name(name).scheduler(sim));
            }

            // WHEN the simulation runs  THEN it refuses the choice, naming it and the two loops due
            assertThatThrownBy(sim::runUntilIdle).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("scheduling choices picked loop " + bad + " of 2 due [")
                    .hasMessageContaining("a-1").hasMessageContaining("b-2");
        }
    }

    @Test
    void explorationBoundsBelowTheirMinimumAreRefusedNamingTheBound() {
        // GIVEN nothing
        // WHEN an exploration is asked for with a bound below its minimum
        // THEN each is refused naming the bound and the value; the minimums themselves are accepted
        assertThatThrownBy(() -> Exploration.exhaustive(-1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDeviations must be 0 or more, was -1");
        assertThatThrownBy(() -> Exploration.exhaustive(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRuns must be 1 or more, was 0");
        assertThatThrownBy(() -> Exploration.pct(0, 10, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("depth must be 1 or more, was 0");
        assertThatThrownBy(() -> Exploration.pct(1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("runs must be 1 or more, was 0");
        assertThat(Exploration.exhaustive(0, 1).explore(THREE_SILENT_WORKERS).explored()).isEqualTo(1);
        assertThat(Exploration.pct(1, 1, 1).explore(THREE_SILENT_WORKERS).explored()).isEqualTo(1);
    }

    @Test
    void pctRunsTheProgramOnceToCountDecisionsThenOncePerRun() {
        // GIVEN a correct program that counts its runs
        AtomicInteger runs = new AtomicInteger();

        // WHEN 5 PCT runs are made
        Exploration.Result result = Exploration.pct(2, 5, 3).explore(sim -> {
            runs.incrementAndGet();
            THREE_SILENT_WORKERS.accept(sim);
        });

        // THEN the program ran 6 times (one probe of the plain order, then 5), none failed
        assertThat(runs).hasValue(6);
        assertThat(result.explored()).isEqualTo(5);
        assertThat(result.failed()).isFalse();
        assertThat(result.complete()).isFalse();
    }
}
