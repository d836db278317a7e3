package dev.courier.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.EventKind;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Waiting operations called inside the simulation's own steps (main-side listeners). */
class SimulatedWaitTests {

    @Test
    void terminateInsideAStepOnlyAsksAndTheWorkerEndsOnceThatStepReturns() {
        // GIVEN an echo worker whose main-side listener terminates it on the first reply
        Simulation sim = new Simulation(21);
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> ctx.parentPort().postMessage(e.data())),
                WorkerOptions.defaults().name("echo").scheduler(sim));
        List<Boolean> doneInsideListener = new ArrayList<>();
        List<CompletableFuture<Integer>> exits = new ArrayList<>();
        worker.onMessage(e -> {
            CompletableFuture<Integer> exit = worker.terminate();
            doneInsideListener.add(exit.isDone());
            exits.add(exit);
        });
        worker.postMessage("ping");

        // WHEN the simulation runs
        sim.runUntilIdle();

        // THEN inside the listener the exit was still to come; afterwards the worker has exited with 1
        assertThat(doneInsideListener).containsExactly(false);
        assertThat(exits.get(0)).isCompletedWithValue(1);
        assertThat(Simulated.ofKind(worker.log(), EventKind.WORKER_EXIT)).hasSize(1);
    }

    @Test
    void closeFromAMainSideListenerDrainsAndEndsTheWorkerBeforeReturning() {
        // GIVEN an echo worker whose main-side listener closes it on the reply to "last", with more queued behind
        Simulation sim = new Simulation(22);
        List<Object> handledByWorker = new ArrayList<>();
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> {
            handledByWorker.add(e.data());
            if ("last".equals(e.data())) {
                ctx.parentPort().postMessage("bye");
            }
        }), WorkerOptions.defaults().name("closing").scheduler(sim));
        List<Boolean> exitedInsideListener = new ArrayList<>();
        worker.onMessage(e -> {
            worker.postMessage("after-last");
            worker.close();
            exitedInsideListener.add(worker.exitCode().isPresent());
        });
        worker.postMessage("first");
        worker.postMessage("last");

        // WHEN the simulation runs
        sim.runUntilIdle();

        // THEN close() drained the message posted in the listener, then the worker ended inside that listener
        assertThat(handledByWorker).containsExactly("first", "last", "after-last");
        assertThat(exitedInsideListener).containsExactly(true);
        assertThat(worker.exitCode()).hasValue(1);
    }
}
