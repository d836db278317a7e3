package dev.courier.worker;

import static dev.courier.worker.Histories.awaitKind;
import static dev.courier.worker.Histories.dropped;
import static dev.courier.worker.Histories.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** terminate() futures that no caller can spoil for others, and close() / BLOCK sends with the interrupt flag set. */
class LifecycleUnderInterruptTests {

    private static final Duration HANG = Duration.ofSeconds(60);

    @AfterAll
    static void noWorkerThreadOutlivesTheClass() throws InterruptedException {
        WorkerThreads.assertNoneAlive();
    }

    @AfterEach
    void clearTheInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void oneCallerCompletingOrCancellingItsTerminateFutureChangesNothingForOthers() throws Exception {
        // GIVEN a listening worker and a caller that spoils the future terminate() gave it
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { }));
        // (obtrude, not complete or cancel: the worker may already have ended, and a spoilt future must stay spoilt)
        CompletableFuture<Integer> spoiled = worker.terminate();
        spoiled.obtrudeValue(42);
        CompletableFuture<Integer> cancelled = worker.terminate();
        cancelled.obtrudeException(new CancellationException("cancelled by its caller"));

        // WHEN another caller asks
        CompletableFuture<Integer> mine = worker.terminate();

        // THEN it gets the real exit code, and the spoilt futures stay as their callers left them
        assertThat(mine.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(worker.terminate().get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(spoiled.get()).isEqualTo(42);
        assertThatThrownBy(cancelled::get).isInstanceOf(CancellationException.class);
        assertThat(worker.exitCode()).hasValue(1);
    }

    @RepeatedTest(20)
    void closeWithTheInterruptFlagSetClosesAndKeepsTheFlag() {
        // GIVEN a worker with a queued message, and a caller whose interrupt flag is set
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { }),
                WorkerOptions.defaults().name("interrupted-close"));
        worker.postMessage("last words");

        // WHEN it closes the worker
        assertTimeoutPreemptively(HANG, () -> {
            Thread.currentThread().interrupt();
            worker.close();

            // THEN the worker drained and ended, no stuck report was made up, and the flag is still set
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        });
        assertThat(worker.isAlive()).isFalse();
        assertThat(events(worker.log(), EventKind.HANDLED)).hasSize(1);
        assertThat(events(worker.log(), EventKind.DROPPED)).isEmpty();
    }

    @Test
    void aBlockSendWithTheInterruptFlagSetSaysItWasInterrupted() throws Exception {
        // GIVEN a full BLOCK queue with a long block timeout, and a sender whose interrupt flag is set
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> {
            entered.countDown();
            Histories.awaitQuietly(release);
        }), WorkerOptions.defaults().name("full").capacity(1).overflow(OverflowPolicy.BLOCK)
                .blockTimeout(Duration.ofSeconds(30)));
        try {
            worker.postMessage(1);
            Histories.await(entered);
            worker.postMessage(2);

            // WHEN it posts a third message
            assertTimeoutPreemptively(HANG, () -> {
                Thread.currentThread().interrupt();
                // THEN it is told the truth at once: its interrupt ended the wait, the message was dropped
                assertThatThrownBy(() -> worker.postMessage(3)).isInstanceOf(QueueFullException.class)
                        .hasMessageContaining("postMessage from main to " + worker.label() + " was interrupted after")
                        .hasMessageContaining("of waiting for space in its full queue (capacity 1, BLOCK, sender"
                                + " interrupted)")
                        .hasMessageContaining("the sending thread's interrupt flag is still set")
                        .hasMessageNotContaining("stayed full");
                // AND the flag is still set
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            });
            Thread.interrupted();
            assertThat(events(worker.log(), dropped(DropCause.OVERFLOW))).singleElement()
                    .satisfies(drop -> assertThat(drop.sequence()).isEqualTo(3));
        } finally {
            release.countDown();
            worker.terminate().get(10, TimeUnit.SECONDS);
        }
        awaitKind(worker.log(), EventKind.WORKER_EXIT, 1);
    }
}
