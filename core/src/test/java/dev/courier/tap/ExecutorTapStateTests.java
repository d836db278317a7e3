package dev.courier.tap;

import static dev.courier.tap.LogReading.WAIT;
import static dev.courier.tap.LogReading.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.history.LiveState;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ExecutorTapStateTests {

    private final DeliveryLog log = DeliveryLog.create();

    @Test
    void aTappedPoolReportsItsQueueAndWhetherItRunsIsShutDownOrTerminated() throws Exception {
        // GIVEN a tapped pool of one thread, kept busy, with two tasks queued behind
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4));
        ExecutorTap tap = Taps.executor(pool, log, "pool");
        CountDownLatch release = new CountDownLatch(1);
        occupyOneThreadAndQueueTwo(tap, release);
        LiveState state = log.liveStates().get(0);

        // WHEN it runs, is shut down, then is let finish
        String running = state.describe();
        boolean aliveRunning = state.isAlive();
        tap.shutdown();
        String shutDown = state.describe();
        boolean shutDownFlag = tap.isShutdown();
        boolean terminatedWhileBusy = tap.isTerminated();
        release.countDown();
        boolean terminated = tap.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS);

        // THEN its state names the tasks queued and each stage; it is alive until it terminated
        assertThat(tap.label()).isEqualTo("executor:pool");
        assertThat(tap.unwrap()).isSameAs(pool);
        assertThat(tap.toString()).startsWith("executor:pool[").contains(pool.toString().substring(0, 10));
        assertThat(running).startsWith("executor:pool: sent 3,").endsWith("; queued 2, running");
        assertThat(aliveRunning).isTrue();
        assertThat(shutDown).endsWith("; queued 2, shut down");
        assertThat(shutDownFlag).isTrue();
        assertThat(terminatedWhileBusy).isFalse();
        assertThat(terminated).isTrue();
        assertThat(tap.isTerminated()).isTrue();
        assertThat(state.describe()).endsWith("; queued 0, terminated");
        assertThat(state.isAlive()).isFalse();
    }

    @Test
    void aTaskRejectedByAFullPoolIsDroppedForOverflowNamingTheCapacityAndPolicy() throws Exception {
        // GIVEN a tapped pool of one busy thread and a queue of two, full
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2));
        ExecutorTap tap = Taps.executor(pool, log, "pool");
        CountDownLatch release = new CountDownLatch(1);
        occupyOneThreadAndQueueTwo(tap, release);

        try {
            // WHEN one more task is given
            // THEN it is rejected, and dropped as overflow naming the queue's capacity and the pool's policy
            assertThatThrownBy(() -> tap.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
            assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
                assertThat(drop.cause()).isEqualTo(DropCause.OVERFLOW);
                assertThat(drop.queueDepth()).isEqualTo(2);
                assertThat(drop.detail())
                        .isEqualTo("rejected by AbortPolicy, capacity 2, queue depth 2, 1 of max 1 threads busy");
            });
        } finally {
            release.countDown();
            tap.shutdown();
            assertThat(tap.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aScheduledTasksFutureIsThePoolsOwnForResultDelayAndCancellation() throws Exception {
        // GIVEN a tapped scheduler with a task due in two hours and one due in one hour
        ScheduledThreadPoolExecutor timers = Taps.scheduledThreadPoolExecutor(1, log, "timers");
        try {
            ScheduledFuture<?> later = timers.schedule(() -> { }, 2, TimeUnit.HOURS);
            ScheduledFuture<?> sooner = timers.schedule(() -> { }, 1, TimeUnit.HOURS);
            ScheduledFuture<?> periodic = timers.scheduleAtFixedRate(() -> { }, 3, 1, TimeUnit.HOURS);
            ScheduledFuture<Integer> answer = timers.schedule(() -> 42, 1, TimeUnit.MILLISECONDS);

            // WHEN the quick one is awaited and the one-hour one cancelled
            await().atMost(WAIT).until(answer::isDone);
            boolean cancelled = sooner.cancel(false);

            // THEN the futures report as the pool's would; the earliest waits at the head of the queue
            assertThat(answer.get()).isEqualTo(42);
            assertThat(answer.get(1, TimeUnit.SECONDS)).isEqualTo(42);
            assertThat(answer.isCancelled()).isFalse();
            assertThat(later.isDone()).isFalse();
            assertThat(later.isCancelled()).isFalse();
            assertThat(((RunnableScheduledFuture<?>) later).isPeriodic()).isFalse();
            assertThat(((RunnableScheduledFuture<?>) periodic).isPeriodic()).isTrue();
            assertThat(later.getDelay(TimeUnit.MINUTES)).isBetween(61L, 120L);
            assertThat(later.toString()).startsWith("message 1 ");
            assertThat(cancelled).isTrue();
            assertThat(sooner.isCancelled()).isTrue();
            assertThat(sooner.isDone()).isTrue();
            assertThat(later.compareTo(periodic)).isNegative();
            assertThat(periodic.compareTo(later)).isPositive();
            assertThat(timers.getQueue().peek()).isIn(sooner, later);
        } finally {
            timers.shutdownNow();
            assertThat(timers.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aPeriodicTaskCancelledInItsFirstRunIsHandledAsCancelled() throws Exception {
        // GIVEN a tapped scheduler and a periodic task that cancels itself in its first run
        ScheduledThreadPoolExecutor timers = Taps.scheduledThreadPoolExecutor(1, log, "timers");
        AtomicReference<Future<?>> self = new AtomicReference<>();
        CountDownLatch known = new CountDownLatch(1);
        try {
            ScheduledFuture<?> periodic = timers.scheduleAtFixedRate(() -> {
                awaitQuietly(known);
                self.get().cancel(false);
            }, 0, 1, TimeUnit.MILLISECONDS);
            self.set(periodic);
            known.countDown();

            // WHEN its first run ends
            LogReading.awaitCount(log, EventKind.HANDLED, 1);

            // THEN it was handled once, as cancelled, without error
            assertThat(events(log, EventKind.HANDLED)).singleElement().satisfies(handled -> {
                assertThat(handled.detail()).isEqualTo("cancelled");
                assertThat(handled.error()).isNull();
            });
            assertThat(periodic.isCancelled()).isTrue();
        } finally {
            timers.shutdownNow();
            assertThat(timers.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aTaskGivenToAShutDownExecutorOfUnknownKindIsDroppedAsClosed() throws Exception {
        // GIVEN a tapped executor that is not a ThreadPoolExecutor, shut down
        ExecutorService single = Executors.newSingleThreadExecutor();
        ExecutorTap tap = Taps.executor(single, log, "single");
        tap.shutdown();

        // WHEN a task is given  THEN it is rejected and dropped as closed, at depth 0
        assertThatThrownBy(() -> tap.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
            assertThat(drop.cause()).isEqualTo(DropCause.PORT_CLOSED);
            assertThat(drop.detail()).isEqualTo("executor shut down, task rejected");
            assertThat(drop.queueDepth()).isZero();
        });
        assertThat(log.liveStates().get(0).describe()).endsWith("; queued 0, terminated");
        assertThat(tap.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aRejectionPolicySetBehindTheTapStillLeavesTheDropRecordedWithTheQueuesCapacity() throws Exception {
        // GIVEN a tapped pool of one busy thread and a full queue of two, whose policy was then set on the pool itself
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2));
        ExecutorTap tap = Taps.executor(pool, log, "pool");
        pool.setRejectedExecutionHandler(new ThreadPoolExecutor.AbortPolicy());
        CountDownLatch release = new CountDownLatch(1);
        occupyOneThreadAndQueueTwo(tap, release);

        try {
            // WHEN one more task is given
            // THEN it is rejected, and dropped as overflow naming the queue's capacity and the policy
            assertThatThrownBy(() -> tap.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
            assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
                assertThat(drop.cause()).isEqualTo(DropCause.OVERFLOW);
                assertThat(drop.queueDepth()).isEqualTo(2);
                assertThat(drop.detail()).isEqualTo("capacity 2, AbortPolicy");
            });
        } finally {
            release.countDown();
            tap.shutdown();
            assertThat(tap.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // Runs one task that waits for release on the pool's only thread, and queues two more behind it.
    private static void occupyOneThreadAndQueueTwo(ExecutorTap tap, CountDownLatch release) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        tap.execute(() -> {
            started.countDown();
            awaitQuietly(release);
        });
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        tap.execute(() -> { });
        tap.execute(() -> { });
    }
}
