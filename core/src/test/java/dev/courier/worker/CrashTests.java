package dev.courier.worker;

import static dev.courier.worker.Histories.awaitKind;
import static dev.courier.worker.Histories.dropped;
import static dev.courier.worker.Histories.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import dev.courier.sim.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** S7: uncaught exceptions end the worker with code 1, recorded; plus ctx.exit. */
class CrashTests {

    @AfterAll
    static void noWorkerThreadOutlivesTheClass() throws InterruptedException {
        WorkerThreads.assertNoneAlive();
    }

    @Test
    void aScriptThatThrowsBeforeRegisteringAnythingCrashesAndDropsWhatWasQueued() throws Exception {
        // GIVEN a script that throws once main has posted three messages
        CountDownLatch posted = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> {
            Histories.await(posted);
            throw new IllegalStateException("script failed");
        }, WorkerOptions.defaults().name("crashy"));
        CompletableFuture<Throwable> reported = new CompletableFuture<>();
        CompletableFuture<String> reportedOn = new CompletableFuture<>();
        worker.onError(error -> {
            reportedOn.complete(Thread.currentThread().getName());
            reported.complete(error);
        });
        for (int i = 0; i < 3; i++) {
            worker.postMessage(i);
        }
        // WHEN the script throws
        posted.countDown();
        // THEN the error is recorded and reported on the parent side, the queue is dropped, exit code 1
        awaitKind(worker.log(), EventKind.WORKER_EXIT, 1);
        assertThat(worker.terminate().get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(reported.get(10, TimeUnit.SECONDS)).hasMessage("script failed");
        assertThat(reportedOn.get(10, TimeUnit.SECONDS)).endsWith("-parent");
        DeliveryEvent error = events(worker.log(), EventKind.WORKER_ERROR).get(0);
        assertThat(error.receiver()).isEqualTo(worker.label());
        assertThat(error.detail()).isEqualTo("script");
        assertThat(error.error()).hasMessage("script failed");
        assertThat(events(worker.log(), dropped(DropCause.WORKER_EXITED))).hasSize(3);
        assertThat(events(worker.log(), EventKind.WORKER_EXIT)).singleElement()
                .satisfies(exit -> assertThat(exit.exitCode()).isEqualTo(1));
        assertKindsInOrder(worker, EventKind.WORKER_ERROR, EventKind.DROPPED, EventKind.WORKER_EXIT);
    }

    @Test
    void aListenerThatThrowsCrashesTheWorkerAndDropsTheRestAsWorkerExited() throws Exception {
        // GIVEN a worker whose listener throws, attached once three messages are queued
        CountDownLatch posted = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> {
            Histories.await(posted);
            ctx.parentPort().onMessage(e -> {
                throw new IllegalArgumentException("listener failed on " + e.data());
            });
        }, WorkerOptions.defaults().name("fragile"));
        CompletableFuture<Throwable> reported = new CompletableFuture<>();
        worker.onError(reported::complete);
        for (int i = 0; i < 3; i++) {
            worker.postMessage(i);
        }
        // WHEN the first message reaches the listener
        posted.countDown();
        // THEN HANDLED THREW, WORKER_ERROR ("message listener"), two dropped, exit 1
        awaitKind(worker.log(), EventKind.WORKER_EXIT, 1);
        assertThat(worker.terminate().get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(reported.get(10, TimeUnit.SECONDS)).hasMessage("listener failed on 0");
        DeliveryEvent handled = events(worker.log(), EventKind.HANDLED).get(0);
        assertThat(handled.outcome()).isEqualTo(Outcome.THREW);
        assertThat(handled.error()).hasMessage("listener failed on 0");
        assertThat(events(worker.log(), EventKind.WORKER_ERROR)).singleElement().satisfies(error -> {
            assertThat(error.detail()).isEqualTo("message listener");
            assertThat(error.error()).isInstanceOf(IllegalArgumentException.class);
        });
        assertThat(events(worker.log(), dropped(DropCause.WORKER_EXITED))).extracting(DeliveryEvent::sequence)
                .containsExactly(2L, 3L);
        assertKindsInOrder(worker, EventKind.HANDLED, EventKind.WORKER_ERROR, EventKind.DROPPED, EventKind.WORKER_EXIT);
    }

    @Test
    void aTimerCallbackThatThrowsCrashesTheWorker() throws Exception {
        // GIVEN a worker whose timer throws, on a manual clock
        ManualClock clock = new ManualClock();
        CountDownLatch armed = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> {
            ctx.setTimeout(() -> {
                throw new IllegalStateException("timer failed");
            }, Duration.ofSeconds(1));
            armed.countDown();
        }, WorkerOptions.defaults().scheduler(clock));
        Histories.await(armed);
        // WHEN the timer fires
        clock.advance(Duration.ofSeconds(1));
        // THEN the crash is recorded as coming from the timer
        awaitKind(worker.log(), EventKind.WORKER_EXIT, 1);
        assertThat(events(worker.log(), EventKind.WORKER_ERROR)).singleElement()
                .satisfies(error -> assertThat(error.detail()).isEqualTo("timer"));
        assertThat(worker.exitCode()).hasValue(1);
    }

    @Test
    void exitFromAListenerEndsTheWorkerWithThatCodeWithoutAnError() throws Exception {
        // GIVEN a worker that exits with code 3 on its first message
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> ctx.exit(3)));
        // WHEN it receives one
        worker.postMessage("stop");
        // THEN it exits 3; the message counts as handled and no error is recorded
        awaitKind(worker.log(), EventKind.WORKER_EXIT, 1);
        assertThat(worker.terminate().get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(events(worker.log(), EventKind.HANDLED)).singleElement()
                .satisfies(handled -> assertThat(handled.outcome()).isEqualTo(Outcome.OK));
        assertThat(events(worker.log(), EventKind.WORKER_ERROR)).isEmpty();
    }

    @Test
    void anInterruptLeftBehindByAListenerIsNotACrash() throws Exception {
        // GIVEN a worker whose listener interrupts its own thread and then checks the flag on the next call
        List<Boolean> interruptedOnEntry = new CopyOnWriteArrayList<>();
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> {
            interruptedOnEntry.add(Thread.currentThread().isInterrupted());
            Thread.currentThread().interrupt();
        }));
        // WHEN two messages are handled, with the worker idle in between
        worker.postMessage(1);
        awaitKind(worker.log(), EventKind.HANDLED, 1);
        worker.postMessage(2);
        awaitKind(worker.log(), EventKind.HANDLED, 2);
        // THEN the worker lives on, and no listener starts with a stale interrupt
        assertThat(worker.isAlive()).isTrue();
        assertThat(interruptedOnEntry).containsExactly(false, false);
        assertThat(events(worker.log(), EventKind.WORKER_ERROR)).isEmpty();
        worker.terminate().get(10, TimeUnit.SECONDS);
    }

    private static void assertKindsInOrder(Worker worker, EventKind... kinds) {
        List<EventKind> lifecycle = events(worker.log(), e -> !e.kind().isMessageEvent()
                || e.kind() == EventKind.DROPPED || e.kind() == EventKind.HANDLED).stream()
                .map(DeliveryEvent::kind).filter(List.of(kinds)::contains).distinct().toList();
        assertThat(lifecycle).containsExactly(kinds);
    }
}
