package dev.courier.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.worker.OverflowPolicy;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Crash, terminate, close, overflow and scale under a simulation: recorded as with real threads, nothing hangs. */
class SimulatedLifecycleTests {

    @Test
    void aCrashingListenerIsRecordedAndTheQueueDroppedAsWorkerExited() {
        // GIVEN a worker whose listener throws on "boom", with three messages queued behind it
        Simulation sim = new Simulation(11);
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> {
            if ("boom".equals(e.data())) {
                throw new IllegalStateException("listener failed");
            }
        }), WorkerOptions.defaults().name("fragile").scheduler(sim));
        List<Throwable> errors = new ArrayList<>();
        List<Integer> exits = new ArrayList<>();
        worker.onError(errors::add).onExit(exits::add);
        for (Object message : List.of("ok", "boom", "after-1", "after-2")) {
            worker.postMessage(message);
        }

        // WHEN the simulation runs
        sim.runUntilIdle();

        // THEN as with threads: HANDLED THREW, WORKER_ERROR (message listener), the rest WORKER_EXITED, exit 1
        DeliveryLog log = worker.log();
        assertThat(Simulated.ofKind(log, EventKind.WORKER_ERROR)).extracting(DeliveryEvent::detail)
                .containsExactly("message listener");
        assertThat(Simulated.ofKind(log, EventKind.DROPPED)).extracting(DeliveryEvent::cause)
                .containsExactly(DropCause.WORKER_EXITED, DropCause.WORKER_EXITED);
        assertThat(Simulated.ofKind(log, EventKind.WORKER_EXIT)).extracting(DeliveryEvent::exitCode).containsExactly(1);
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("listener failed");
        assertThat(exits).containsExactly(1);
        assertThat(worker.isAlive()).isFalse();
    }

    @Test
    void terminateOutsideAStepRunsUntilTheWorkerExitedAndDropsWhatIsQueued() throws Exception {
        // GIVEN a worker that has come online, with two messages queued that it has not taken yet
        Simulation sim = new Simulation(12);
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { }),
                WorkerOptions.defaults().name("doomed").scheduler(sim));
        sim.runUntilIdle();
        worker.postMessage(1);
        worker.postMessage(2);

        // WHEN it is terminated from the driving code
        CompletableFuture<Integer> exit = worker.terminate();

        // THEN the future is already complete with 1, and both messages are recorded TERMINATED
        assertThat(exit).isCompletedWithValue(1);
        assertThat(exit.get()).isEqualTo(1);
        assertThat(Simulated.ofKind(worker.log(), EventKind.DROPPED)).extracting(DeliveryEvent::cause)
                .containsExactly(DropCause.TERMINATED, DropCause.TERMINATED);
        assertThat(Simulated.ofKind(worker.log(), EventKind.HANDLED)).isEmpty();
    }

    @Test
    void closeRunsTheWorkerUntilDrainedThenEndsIt() {
        // GIVEN a worker whose listener is added after 50 ms of virtual time, with three messages queued
        Simulation sim = new Simulation(13);
        List<Object> handled = new ArrayList<>();
        Worker worker = Worker.start(ctx -> ctx.setTimeout(() -> ctx.parentPort().onMessage(e -> handled.add(e.data())),
                Duration.ofMillis(50)), WorkerOptions.defaults().name("drained").scheduler(sim));
        List.of("a", "b", "c").forEach(worker::postMessage);

        // WHEN it is closed
        worker.close();

        // THEN virtual time moved to the timer, every message was handled, then the worker ended (exit 1)
        assertThat(handled).containsExactly("a", "b", "c");
        assertThat(sim.nanoTime()).isEqualTo(50_000_000L);
        assertThat(worker.exitCode()).hasValue(1);
        assertThat(Simulated.ofKind(worker.log(), EventKind.DROPPED)).isEmpty();
    }

    @Test
    void aBlockingSendToAFullQueueFailsFastNamingTheSimulation() {
        // GIVEN a worker with a queue of 1 under BLOCK, not yet run, so the first message fills the queue
        Simulation sim = new Simulation(14);
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { }),
                WorkerOptions.defaults().name("narrow").scheduler(sim).capacity(1).overflow(OverflowPolicy.BLOCK));
        worker.postMessage("fills the queue");

        // WHEN a second message is posted  THEN it fails at once, saying why, and the drop is recorded
        assertThatThrownBy(() -> worker.postMessage("would block")).isInstanceOf(IllegalStateException.class)
                .hasMessage("postMessage from main to narrow#1 (its queue is full: capacity 1, BLOCK; message 2 was"
                        + " dropped as OVERFLOW) would block, but under Simulation[seed 14, at 0 ns] nothing else runs"
                        + " while a sender waits, so space could never free up; use OverflowPolicy DROP_NEWEST,"
                        + " DROP_OLDEST or FAIL, or a larger capacity");
        assertThat(Simulated.ofKind(worker.log(), EventKind.DROPPED)).extracting(DeliveryEvent::cause,
                DeliveryEvent::detail).containsExactly(tuple(DropCause.OVERFLOW,
                "capacity 1, BLOCK"));
        sim.runUntilIdle();
        assertThat(Simulated.ofKind(worker.log(), EventKind.HANDLED)).hasSize(1);
    }

    @Test
    void aLoopThatReschedulesItselfForeverIsStoppedWithAReport() {
        // GIVEN a worker that queues an immediate from every immediate
        Simulation sim = new Simulation(15);
        Worker.start(ctx -> new Runnable() {
            @Override
            public void run() {
                ctx.setImmediate(this);
            }
        }.run(), WorkerOptions.defaults().name("spinner").scheduler(sim));

        // WHEN one step runs the script, then the simulation runs
        boolean ranScript = sim.step();

        // THEN it stops after the step limit counted from where it started, naming the loop with work
        assertThat(ranScript).isTrue();
        assertThatThrownBy(sim::runUntilIdle).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Simulation[seed 15, at 0 ns]: run ran 1000000 steps without going idle")
                .hasMessageContaining("courier-worker-spinner-1");
        assertThat(sim.steps()).isEqualTo(1 + Simulation.STEP_LIMIT);
    }

    @Test
    void manyWorkersAndMessagesAreCountedExactly() {
        // GIVEN 20 echo workers sharing one log, and a main side counting replies
        Simulation sim = new Simulation(16);
        DeliveryLog log = DeliveryLog.create(sim::nanoTime);
        AtomicInteger replies = new AtomicInteger();
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < 20; w++) {
            Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> ctx.parentPort().postMessage(e.data())),
                    WorkerOptions.defaults().name("echo").scheduler(sim).log(log));
            worker.onMessage(e -> replies.incrementAndGet());
            workers.add(worker);
        }

        // WHEN each gets 250 messages and the simulation runs
        for (int i = 0; i < 250; i++) {
            for (Worker worker : workers) {
                worker.postMessage(i);
            }
        }
        sim.runUntilIdle();

        // THEN exactly 5,000 messages went each way, all handled, labels echo#1..echo#20
        assertThat(replies).hasValue(5_000);
        assertThat(Simulated.ofKind(log, EventKind.HANDLED)).hasSize(10_000);
        assertThat(workers).extracting(Worker::label).contains("echo#1", "echo#20");
        workers.forEach(Worker::close);
        assertThat(Simulated.ofKind(log, EventKind.WORKER_EXIT)).hasSize(20);
    }
}
