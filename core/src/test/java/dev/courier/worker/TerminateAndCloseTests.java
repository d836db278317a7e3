package dev.courier.worker;

import static dev.courier.worker.Histories.awaitKind;
import static dev.courier.worker.Histories.dropped;
import static dev.courier.worker.Histories.events;
import static dev.courier.worker.Histories.messageIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** S6 terminate and close, S8 posting to an exited worker. */
class TerminateAndCloseTests {

    @AfterAll
    static void noWorkerThreadOutlivesTheClass() throws InterruptedException {
        WorkerThreads.assertNoneAlive();
    }

    @Test
    void terminateDropsExactlyTheQueuedMessagesAsTerminated() throws Exception {
        // GIVEN a worker blocked inside its first listener call, with 1,000 messages queued behind it
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> {
            entered.countDown();
            Histories.awaitQuietly(release);
        }), WorkerOptions.defaults().name("terminated"));
        try {
            worker.postMessage(0);
            Histories.await(entered);
            for (int i = 1; i <= 1000; i++) {
                worker.postMessage(i);
            }
            // WHEN it is terminated
            int code = worker.terminate().get(10, TimeUnit.SECONDS);
            // THEN exactly those 1,000 are dropped as TERMINATED, and it exits with code 1
            assertThat(code).isEqualTo(1);
            List<DeliveryEvent> sent = events(worker.log(), EventKind.SENT);
            assertThat(messageIds(events(worker.log(), dropped(DropCause.TERMINATED))))
                    .containsExactlyElementsOf(messageIds(sent.subList(1, 1001)));
            assertThat(events(worker.log(), EventKind.DROPPED)).hasSize(1000);
            assertThat(events(worker.log(), EventKind.WORKER_EXIT)).singleElement()
                    .satisfies(exit -> assertThat(exit.exitCode()).isEqualTo(1));
            assertThat(events(worker.log(), EventKind.WORKER_ERROR)).isEmpty();
        } finally {
            release.countDown();
        }
    }

    @Test
    void terminateTwiceGivesEachCallerItsOwnFutureAndExitsOnce() throws Exception {
        // GIVEN a listening worker with an exit listener
        AtomicInteger exits = new AtomicInteger();
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { }));
        worker.onExit(code -> exits.incrementAndGet());
        // WHEN it is terminated twice
        CompletableFuture<Integer> first = worker.terminate();
        CompletableFuture<Integer> second = worker.terminate();
        // THEN each call has its own future, both complete with the one exit's code
        assertThat(second).isNotSameAs(first);
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(worker.terminate().get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(exits).hasValue(1);
        assertThat(events(worker.log(), EventKind.WORKER_EXIT)).hasSize(1);
        assertThat(worker.exitCode()).hasValue(1);
    }

    @Test
    void postingToAnExitedWorkerIsRecordedAsDroppedPortClosed() throws Exception {
        // GIVEN a worker that has exited, and a newer worker of the same name
        Worker stale = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { }), WorkerOptions.defaults().name("svc"));
        awaitKind(stale.log(), EventKind.WORKER_ONLINE, 1);
        stale.terminate().get(10, TimeUnit.SECONDS);
        Worker fresh = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { }),
                WorkerOptions.defaults().name("svc").log(stale.log()));
        try {
            awaitKind(stale.log(), EventKind.WORKER_ONLINE, 2);
            // WHEN main posts through the stale reference
            stale.postMessage("lost");
            // THEN nothing is thrown, and the message is SENT then DROPPED with PORT_CLOSED
            List<DeliveryEvent> sent = events(stale.log(), e -> e.kind() == EventKind.SENT);
            assertThat(sent).singleElement().satisfies(s -> assertThat(s.receiver()).isEqualTo(stale.label()));
            assertThat(events(stale.log(), dropped(DropCause.PORT_CLOSED))).singleElement()
                    .satisfies(drop -> assertThat(drop.messageId()).isEqualTo(sent.get(0).messageId()));
            assertThat(events(stale.log(), EventKind.WORKER_ONLINE)).extracting(DeliveryEvent::receiver)
                    .containsExactly(stale.label(), fresh.label());
            assertThat(events(stale.log(), EventKind.WORKER_ONLINE)).extracting(DeliveryEvent::detail)
                    .containsExactly("svc", "svc");
        } finally {
            fresh.terminate().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void closeDrainsTheQueueBeforeTerminating() throws Exception {
        // GIVEN a worker with 200 messages posted
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { }));
        for (int i = 0; i < 200; i++) {
            worker.postMessage(i);
        }
        // WHEN it is closed
        worker.close();
        // THEN every message was handled first and nothing was dropped
        assertThat(events(worker.log(), EventKind.HANDLED)).hasSize(200);
        assertThat(events(worker.log(), EventKind.DROPPED)).isEmpty();
        assertThat(worker.isAlive()).isFalse();
    }

    @Test
    void closeOnAWorkerStuckInAListenerNamesTheWorkerWhatItWasDoingAndItsStack() throws Exception {
        // GIVEN a worker stuck in a listener that ignores interrupts (for a bounded time)
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> {
            entered.countDown();
            Histories.awaitIgnoringInterrupts(release, Histories.BOUND);
        }), WorkerOptions.defaults().name("stuck").drainTimeout(Duration.ofMillis(100))
                .stopTimeout(Duration.ofMillis(100)));
        try {
            worker.postMessage("first");
            Histories.await(entered);
            worker.postMessage("second");
            // WHEN main closes it
            // THEN close fails with WorkerStuckException naming the worker, the listener's message and the stack
            assertThatThrownBy(worker::close).isInstanceOfSatisfying(WorkerStuckException.class, stuck -> {
                assertThat(stuck.worker()).isEqualTo(worker.label());
                assertThat(stuck.activity()).startsWith("message listener").contains("for message 1 from main");
                assertThat(stuck.stoppedAfterInterrupt()).isFalse();
                assertThat(stuck.threadDump()).contains("thread courier-worker-stuck-" + worker.threadId())
                        .contains("awaitIgnoringInterrupts");
            }).hasMessageContaining("worker " + worker.label() + " is stuck")
                    .hasMessageContaining("still running").hasMessageContaining("awaitIgnoringInterrupts");
        } finally {
            release.countDown();
        }
        // and once released, it ends (it was asked to stop), dropping the queued message as TERMINATED
        assertThat(worker.terminate().get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(events(worker.log(), dropped(DropCause.TERMINATED))).hasSize(1);
    }

    @Test
    void closeOnTheWorkersOwnThreadIsRefused() throws Exception {
        // GIVEN a worker that tries to close itself from its listener
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Worker[] self = new Worker[1];
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> {
            try {
                self[0].close();
                failure.complete(null);
            } catch (RuntimeException refused) {
                failure.complete(refused);
            }
        }));
        self[0] = worker;
        // WHEN it receives a message
        worker.postMessage("close yourself");
        // THEN close is refused with a clear message
        assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("own thread");
        worker.terminate().get(10, TimeUnit.SECONDS);
    }

    @Test
    void closeFromAMainSideListenerStopsTheWorkerWithoutWaitingForItself() throws Exception {
        // GIVEN an echo worker whose main-side listener closes it on the first reply
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> ctx.parentPort().postMessage(e.data())));
        CompletableFuture<Throwable> closed = new CompletableFuture<>();
        worker.onMessage(e -> {
            try {
                worker.close();
                closed.complete(null);
            } catch (RuntimeException failure) {
                closed.complete(failure);
            }
        });
        // WHEN the reply arrives
        worker.postMessage("hello");
        // THEN close returns normally and the worker has ended
        assertThat(closed.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(worker.terminate().get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(events(worker.log(), EventKind.WORKER_EXIT)).hasSize(1);
    }
}
