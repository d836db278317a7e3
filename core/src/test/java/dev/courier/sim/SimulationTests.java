package dev.courier.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.worker.ListenerPolicy;
import dev.courier.worker.MessageChannel;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulationTests {

    private static Worker lateListener(Simulation sim, List<Object> received) {
        return Worker.start(ctx -> ctx.setTimeout(() -> ctx.parentPort().onMessage(e -> received.add(e.data())),
                Duration.ofMillis(10)), WorkerOptions.defaults().name("late").scheduler(sim)
                .listenerPolicy(ListenerPolicy.DROP_WHEN_NO_LISTENER));
    }

    @Test
    void theLateListenerRaceReproducesExactlyWithATimerAndNoRealWaiting() {
        // GIVEN a worker that adds its listener in a 10 ms timer, under DROP_WHEN_NO_LISTENER
        Simulation sim = new Simulation(1);
        List<Object> received = new ArrayList<>();
        Worker worker = lateListener(sim, received);

        // WHEN two messages are posted before the timer and one after it
        worker.postMessage("early-1");
        worker.postMessage("early-2");
        sim.runUntilIdle();
        sim.advance(Duration.ofMillis(10));
        worker.postMessage("on-time");
        sim.runUntilIdle();

        // THEN exactly the early ones are dropped (NO_LISTENER) at time 0, the listener came at exactly 10 ms
        DeliveryLog log = worker.log();
        assertThat(Simulated.ofKind(log, EventKind.DROPPED)).extracting(DeliveryEvent::cause, DeliveryEvent::timeNanos)
                .containsExactly(tuple(DropCause.NO_LISTENER, 0L),
                        tuple(DropCause.NO_LISTENER, 0L));
        assertThat(Simulated.ofKind(log, EventKind.LISTENER_ADDED)).extracting(DeliveryEvent::timeNanos)
                .containsExactly(10_000_000L);
        assertThat(received).containsExactly("on-time");
        assertThat(worker.label()).isEqualTo("late#1");
    }

    @Test
    void theSameSeedGivesTheSameHistory() {
        // GIVEN a program of three workers echoing bursts back to main, with timers
        // WHEN it runs twice under the same seed
        List<String> first = echoProgram(7);
        List<String> second = echoProgram(7);

        // THEN the two histories are identical, event for event, times and labels included
        assertThat(first).hasSizeGreaterThan(100);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentSeedsInterleaveLoopsDifferently() {
        // GIVEN the same program of several workers posting to main at the same virtual moment
        // WHEN it runs under ten seeds
        Set<List<String>> histories = new HashSet<>();
        for (long seed = 1; seed <= 10; seed++) {
            histories.add(echoProgram(seed));
        }

        // THEN the order of events differs between seeds
        assertThat(histories).hasSizeGreaterThan(1);
    }

    private static List<String> echoProgram(long seed) {
        Simulation sim = new Simulation(seed);
        DeliveryLog log = DeliveryLog.create(sim::nanoTime);
        WorkerOptions options = WorkerOptions.defaults().scheduler(sim).log(log);
        List<Worker> workers = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            Worker worker = Worker.start(ctx -> {
                ctx.parentPort().onMessage(e -> ctx.parentPort().postMessage(ctx.name() + ":" + e.data()));
                ctx.setTimeout(() -> ctx.parentPort().postMessage(ctx.name() + " done"), Duration.ofMillis(5));
            }, options.name(name));
            worker.onMessage(e -> { });
            workers.add(worker);
        }
        for (int i = 0; i < 10; i++) {
            for (Worker worker : workers) {
                worker.postMessage(i);
            }
        }
        sim.advance(Duration.ofMillis(5));
        workers.forEach(Worker::terminate);
        return Simulated.lines(log);
    }

    @Test
    void aWorkerPostingBackToMainIsHandledByAMainSideListenerOnTheDrivingThread() {
        // GIVEN an echo worker and a main-side listener that notes its thread
        Simulation sim = new Simulation(3);
        Worker echo = Worker.start(ctx -> ctx.parentPort().onMessage(e -> ctx.parentPort().postMessage(e.data())),
                WorkerOptions.defaults().name("echo").scheduler(sim));
        List<String> replies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        echo.onMessage(e -> {
            replies.add((String) e.data());
            threads.add(Thread.currentThread());
        });

        // WHEN main posts and the simulation runs
        echo.postMessage("ping");
        sim.runUntilIdle();

        // THEN the reply was handled by main (echo#1 -> main), on this very thread
        assertThat(replies).containsExactly("ping");
        assertThat(threads).containsExactly(Thread.currentThread());
        assertThat(Simulated.ofKind(echo.log(), EventKind.HANDLED)).extracting(DeliveryEvent::sender,
                DeliveryEvent::receiver).containsExactly(tuple("main", "echo#1"),
                tuple("echo#1", "main"));
    }

    @Test
    void noRuntimeThreadIsCreatedForWorkersListenersTimersOrChannels() {
        // GIVEN the courier threads alive before
        Set<String> before = Simulated.courierThreads();
        Simulation sim = new Simulation(5);

        // WHEN workers, timers, main-side listeners and a channel run under the simulation
        List<String> program = echoProgramOn(sim);
        MessageChannel channel = new MessageChannel(WorkerOptions.defaults().scheduler(sim));
        List<Object> onPort2 = new ArrayList<>();
        channel.port2().onMessage(e -> onPort2.add(e.data()));
        channel.port1().postMessage("over the channel");
        Set<String> during = Simulated.courierThreads();
        sim.runUntilIdle();

        // THEN everything ran, and no courier thread was ever started
        assertThat(program).isNotEmpty();
        assertThat(onPort2).containsExactly("over the channel");
        assertThat(during).isEqualTo(before);
        assertThat(Simulated.courierThreads()).isEqualTo(before);
    }

    private static List<String> echoProgramOn(Simulation sim) {
        Worker worker = Worker.start(ctx -> ctx.setTimeout(() -> ctx.parentPort().postMessage("tick"),
                Duration.ofSeconds(1)), WorkerOptions.defaults().name("timer").scheduler(sim));
        List<String> seen = new ArrayList<>();
        worker.onMessage(e -> seen.add((String) e.data()));
        sim.advance(Duration.ofSeconds(1));
        return seen;
    }

    @Test
    void timersFireInDeadlineOrderWhenVirtualTimeReachesThem() {
        // GIVEN a worker with timers at 30, 10 and 20 ms
        Simulation sim = new Simulation(9);
        Worker worker = Worker.start(ctx -> {
            for (int ms : new int[] {30, 10, 20}) {
                ctx.setTimeout(() -> ctx.parentPort().postMessage(ms), Duration.ofMillis(ms));
            }
        }, WorkerOptions.defaults().scheduler(sim));
        List<Object> fired = new ArrayList<>();
        worker.onMessage(e -> fired.add(e.data()));

        // WHEN time moves 15 ms, then 1 s
        sim.advance(Duration.ofMillis(15));
        List<Object> after15 = List.copyOf(fired);
        sim.advance(Duration.ofSeconds(1));

        // THEN only the 10 ms timer fired by 15 ms, the rest in order later; the clock ends where it was moved to
        assertThat(after15).containsExactly(10);
        assertThat(fired).containsExactly(10, 20, 30);
        assertThat(sim.nanoTime()).isEqualTo(1_015_000_000L);
        assertThat(Simulated.ofKind(worker.log(), EventKind.SENT)).extracting(DeliveryEvent::timeNanos)
                .containsExactly(10_000_000L, 20_000_000L, 30_000_000L);
    }
}
