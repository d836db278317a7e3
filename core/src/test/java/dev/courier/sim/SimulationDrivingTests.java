package dev.courier.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SimulationDrivingTests {

    @Test
    void virtualTimeRefusesToGoBackAndNamesTheCall() {
        // GIVEN a simulation and a manual clock
        Simulation sim = new Simulation(1);
        ManualClock clock = new ManualClock(5);

        // WHEN either is moved back by a second
        // THEN each refuses, naming the call, and its time stays where it was
        assertThatThrownBy(() -> sim.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("virtual time cannot go back: advance(PT-1S)");
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a monotonic clock cannot go back: advance(PT-1S)");
        assertThat(sim.nanoTime()).isZero();
        assertThat(clock.nanoTime()).isEqualTo(5L);
    }

    @Test
    void aDrivenSimulationRefusesNegativeTimerLateness() {
        // GIVEN round-robin choices
        // WHEN a driven simulation is asked for timers up to one millisecond early
        // THEN it refuses, naming the value; zero lateness is accepted
        assertThatThrownBy(() -> Simulation.driven(SchedulingChoices.roundRobin(), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxTimerLateness must be zero or more, was PT-0.001S");
        assertThat(Simulation.driven(SchedulingChoices.roundRobin(), Duration.ZERO).toString())
                .isEqualTo("Simulation[driven, at 0 ns]");
    }

    @Test
    void aSimulationNamesItsSeedAndVirtualTime() {
        // GIVEN a simulation of seed 42
        Simulation sim = new Simulation(42);

        // WHEN virtual time moves 3 ms
        long steps = sim.advance(Duration.ofMillis(3));

        // THEN it ran nothing, and says where it is; an undriven simulation has no interleaving and no late timers
        assertThat(steps).isZero();
        assertThat(sim.seed()).isEqualTo(42L);
        assertThat(sim).hasToString("Simulation[seed 42, at 3000000 ns]");
        assertThat(sim.interleaving()).isEmpty();
        assertThat(sim.timerLatenessNanos(1_000L)).isZero();
    }

    @Test
    void aSimulationRefusesToStartAThreadAndNamesIt() {
        // GIVEN a simulation
        Simulation sim = new Simulation(2);

        // WHEN a thread is asked of it
        // THEN it refuses, naming the thread and itself
        assertThatThrownBy(() -> sim.newThread("courier-x", () -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Simulation[seed 2, at 0 ns] runs event loops as steps, without threads; thread"
                        + " courier-x was asked for");
    }

    @Test
    void nextDueNanosIsTheEarliestTimerAndEmptyWhenNothingIsScheduled() {
        // GIVEN a worker with timers at 20 and 50 ms
        Simulation sim = new Simulation(3);
        assertThat(sim.nextDueNanos()).isEqualTo(OptionalLong.empty());
        Worker worker = Worker.start(ctx -> {
            ctx.setTimeout(() -> { }, Duration.ofMillis(50));
            ctx.setTimeout(() -> { }, Duration.ofMillis(20));
        }, WorkerOptions.defaults().name("timers").scheduler(sim));

        // WHEN the script ran, then time moves to 30 ms
        sim.runUntilIdle();
        OptionalLong first = sim.nextDueNanos();
        sim.advance(Duration.ofMillis(30));
        OptionalLong second = sim.nextDueNanos();
        worker.terminate();

        // THEN the next due time is the earliest pending timer each time
        assertThat(first).hasValue(20_000_000L);
        assertThat(second).hasValue(50_000_000L);
    }

    @Test
    void runUntilGivesUpAtItsBoundWithoutPassingIt() {
        // GIVEN a worker that posts to main only at 100 ms
        Simulation sim = new Simulation(4);
        Worker worker = Worker.start(ctx -> ctx.setTimeout(() -> ctx.parentPort().postMessage("late"),
                Duration.ofMillis(100)), WorkerOptions.defaults().name("late").scheduler(sim));
        List<Object> received = new ArrayList<>();
        worker.onMessage(e -> received.add(e.data()));

        // WHEN main waits for it up to 99 ms, then up to exactly 100 ms
        boolean within99 = sim.runUntil(() -> !received.isEmpty(), Duration.ofMillis(99));
        long after99 = sim.nanoTime();
        boolean within100 = sim.runUntil(() -> !received.isEmpty(), Duration.ofMillis(100));

        // THEN the first wait fails without moving time towards a timer past its bound, the second reaches it
        assertThat(within99).isFalse();
        assertThat(after99).isZero();
        assertThat(within100).isTrue();
        assertThat(received).containsExactly("late");
        assertThat(sim.nanoTime()).isEqualTo(100_000_000L);
        worker.terminate();
    }

    @Test
    void advanceCountsTheStepsItRanAndWakesWaitersOnlyWhileRegistered() {
        // GIVEN a simulation with a time waiter, and a worker that posts to main at 10 ms
        Simulation sim = new Simulation(5);
        AtomicInteger wakeUps = new AtomicInteger();
        Runnable unregister = sim.onTimeAdvance(wakeUps::incrementAndGet);
        Worker worker = Worker.start(ctx -> ctx.setTimeout(() -> ctx.parentPort().postMessage("tick"),
                Duration.ofMillis(10)), WorkerOptions.defaults().name("tick").scheduler(sim));
        worker.onMessage(e -> { });

        // WHEN time moves 20 ms, the waiter unregisters, and time moves again
        long steps = sim.advance(Duration.ofMillis(20));
        int wokenWhileRegistered = wakeUps.get();
        unregister.run();
        sim.advance(Duration.ofMillis(20));

        // THEN steps ran and were counted, the waiter was woken for each move of time, and never after
        assertThat(steps).isPositive().isEqualTo(sim.steps());
        assertThat(wokenWhileRegistered).isEqualTo(2);
        assertThat(wakeUps.get()).isEqualTo(2);
        assertThat(sim.advance(Duration.ZERO)).isZero();
        worker.terminate();
    }

    @Test
    void workerIdsCountFromOnePerSimulation() {
        // GIVEN two simulations
        Simulation one = new Simulation(6);
        Simulation two = new Simulation(6);

        // WHEN ids are drawn from each
        // THEN each counts from 1 on its own
        assertThat(one.nextWorkerId()).isEqualTo(1);
        assertThat(one.nextWorkerId()).isEqualTo(2);
        assertThat(two.nextWorkerId()).isEqualTo(1);
    }

    @Test
    void aSecondThreadDrivingWhileAStepRunsIsRefusedNamingBothThreads() {
        // GIVEN a worker whose script asks another thread to drive the same simulation
        Simulation sim = new Simulation(7);
        AtomicReference<Throwable> refused = new AtomicReference<>();
        AtomicReference<String> driverName = new AtomicReference<>();
        Worker worker = Worker.start(ctx -> {
            driverName.set(Thread.currentThread().getName());
            Thread intruder = new Thread(() -> {
                try {
                    sim.runUntilIdle();
                } catch (Throwable e) {
                    refused.set(e);
                }
            }, "intruder");
            intruder.start();
            try {
                intruder.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, WorkerOptions.defaults().name("host").scheduler(sim));

        // WHEN the script runs
        sim.runUntilIdle();
        worker.terminate();

        // THEN the other thread was refused, naming the call, both threads and the simulation
        assertThat(refused.get()).isInstanceOf(IllegalStateException.class)
                .hasMessage("runUntilIdle() called on thread intruder while thread " + driverName.get()
                        + " runs Simulation[seed 7, at 0 ns]; drive a simulation from one thread at a time");
    }

    @Test
    void aManualClockWakesWaitersUntilTheyUnregisterAndWaitsForNothingPastItsTime() {
        // GIVEN a manual clock at 100 ns with one waiter
        ManualClock clock = new ManualClock(100);
        AtomicInteger wakeUps = new AtomicInteger();
        Runnable unregister = clock.onTimeAdvance(wakeUps::incrementAndGet);

        // WHEN it moves 50 ns, the waiter leaves, and it moves again
        clock.advance(Duration.ofNanos(50));
        unregister.run();
        clock.advance(Duration.ofNanos(50));

        // THEN the waiter was woken once; a deadline reached needs no wait, a later one waits for an advance
        assertThat(wakeUps.get()).isEqualTo(1);
        assertThat(clock.nanoTime()).isEqualTo(200L);
        assertThat(clock).hasToString("ManualClock[200 ns]");
        assertThat(clock.realWaitNanos(200L)).isZero();
        assertThat(clock.realWaitNanos(199L)).isZero();
        assertThat(clock.realWaitNanos(201L)).isEqualTo(Long.MAX_VALUE);
        assertThat(new ManualClock().nanoTime()).isZero();
    }

    @Test
    void aSimulationWaitsForNothingPastItsTimeAndForeverBeforeIt() {
        // GIVEN a simulation moved to 10 ns
        Simulation sim = new Simulation(8);
        sim.advance(Duration.ofNanos(10));

        // WHEN real waits are asked for deadlines around that time
        // THEN a reached deadline needs none, a later one waits for virtual time
        assertThat(sim.realWaitNanos(10L)).isZero();
        assertThat(sim.realWaitNanos(9L)).isZero();
        assertThat(sim.realWaitNanos(11L)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theStepLimitReportNamesOnlyTheLoopsThatStillHaveWork() {
        // GIVEN a worker that went idle, and then one that queues an immediate from every immediate
        Simulation sim = new Simulation(16);
        Worker.start(ctx -> { }, WorkerOptions.defaults().name("idle").scheduler(sim));
        sim.runUntilIdle();
        Worker.start(ctx -> new Runnable() {
            @Override
            public void run() {
                ctx.setImmediate(this);
            }
        }.run(), WorkerOptions.defaults().name("spinner").scheduler(sim));

        // WHEN the simulation runs  THEN the report lists the spinning loop, not the idle worker's
        assertThatThrownBy(sim::runUntilIdle).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("Loops with work: [courier-worker-spinner-2]");
    }

    @Test
    void runUntilIdleCountsTheStepsItRanAndTimeFarAwayStopsJustShortOfTheEnd() {
        // GIVEN a worker that posts to main once
        Simulation sim = new Simulation(17);
        Worker worker = Worker.start(ctx -> ctx.parentPort().postMessage("hi"),
                WorkerOptions.defaults().name("once").scheduler(sim));
        worker.onMessage(e -> { });
        sim.step();
        long before = sim.steps();

        // WHEN the rest runs, then time is moved further than a long can hold
        long ran = sim.runUntilIdle();
        long again = sim.runUntilIdle();
        sim.advance(Duration.ofSeconds(Long.MAX_VALUE));

        // THEN the first run counted its steps from where it started, the second had none, and time saturates
        assertThat(ran).isPositive().isEqualTo(sim.steps() - before);
        assertThat(again).isZero();
        assertThat(sim.nanoTime()).isEqualTo(Long.MAX_VALUE - 1);
        worker.terminate();
    }
}
