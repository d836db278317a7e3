package dev.courier.worker;

import static dev.courier.worker.Histories.awaitKind;
import static dev.courier.worker.Histories.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.EventKind;
import dev.courier.sim.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The scheduler seam: timers and log time follow a manual clock, nothing waits on real time. */
class ManualClockTests {

    @AfterAll
    static void noWorkerThreadOutlivesTheClass() throws InterruptedException {
        WorkerThreads.assertNoneAlive();
    }

    @Test
    void aTimerFiresOnlyOnceTheClockIsAdvancedPastIt() throws Exception {
        // GIVEN a worker on a manual clock with a one-hour timer, answering pings
        ManualClock clock = new ManualClock();
        List<String> replies = new CopyOnWriteArrayList<>();
        CountDownLatch armed = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> {
            ctx.setTimeout(() -> ctx.parentPort().postMessage("fired"), Duration.ofHours(1));
            ctx.parentPort().onMessage(e -> ctx.parentPort().postMessage("pong"));
            armed.countDown();
        }, WorkerOptions.defaults().scheduler(clock));
        worker.onMessage(e -> replies.add((String) e.data()));
        Histories.await(armed);
        // WHEN the clock moves to just before the deadline (a ping/pong proves the loop looked since)
        clock.advance(Duration.ofMinutes(59));
        worker.postMessage("ping");
        awaitKind(worker.log(), EventKind.HANDLED, 2);
        // THEN the timer has not fired
        assertThat(replies).containsExactly("pong");
        // WHEN the clock passes the deadline THEN it fires at once, though no real hour passed
        clock.advance(Duration.ofMinutes(1));
        awaitKind(worker.log(), EventKind.HANDLED, 3);
        assertThat(replies).containsExactly("pong", "fired");
        worker.terminate().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theDefaultLogIsStampedByTheManualClock() throws Exception {
        // GIVEN a clock at 5 s and a worker whose timer fires 2 s later
        ManualClock clock = new ManualClock(5_000_000_000L);
        CountDownLatch armed = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> {
            ctx.setTimeout(() -> ctx.parentPort().postMessage("tick"), Duration.ofSeconds(2));
            armed.countDown();
        }, WorkerOptions.defaults().scheduler(clock));
        Histories.await(armed);
        // WHEN the clock is advanced and the worker ends
        clock.advance(Duration.ofSeconds(2));
        awaitKind(worker.log(), EventKind.WORKER_EXIT, 1);
        // THEN events carry the virtual times
        assertThat(events(worker.log(), EventKind.WORKER_ONLINE).get(0).timeNanos()).isEqualTo(5_000_000_000L);
        assertThat(events(worker.log(), EventKind.SENT).get(0).timeNanos()).isEqualTo(7_000_000_000L);
        assertThat(worker.exitCode()).hasValue(0);
    }

    @Test
    void aCancelledTimerNeverRunsAndNoLongerKeepsTheWorkerAlive() throws Exception {
        // GIVEN a worker that sets a timer and cancels it in an immediate
        ManualClock clock = new ManualClock();
        CompletableFuture<Boolean> cancelled = new CompletableFuture<>();
        Worker worker = Worker.start(ctx -> {
            TimerHandle timer = ctx.setTimeout(() -> ctx.parentPort().postMessage("should not run"), Duration.ofSeconds(1));
            ctx.setImmediate(() -> cancelled.complete(timer.cancel() && !timer.isPending()));
        }, WorkerOptions.defaults().scheduler(clock));
        // WHEN the immediate runs THEN the timer is cancelled and the worker ends on its own with code 0
        assertThat(cancelled.get(10, TimeUnit.SECONDS)).isTrue();
        awaitKind(worker.log(), EventKind.WORKER_EXIT, 1);
        clock.advance(Duration.ofSeconds(5));
        assertThat(worker.exitCode()).hasValue(0);
        assertThat(events(worker.log(), EventKind.SENT)).isEmpty();
    }

    @Test
    void theClockCannotGoBack() {
        // GIVEN a manual clock WHEN it is moved backwards THEN it refuses
        ManualClock clock = new ManualClock();
        assertThatThrownBy(() -> clock.advance(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot go back");
        assertThat(clock.nanoTime()).isZero();
    }
}
