package dev.courier.tap;

import static dev.courier.tap.LogReading.WAIT;
import static dev.courier.tap.LogReading.awaitCount;
import static dev.courier.tap.LogReading.events;
import static dev.courier.tap.LogReading.indexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExecutorTapTests {

    private final DeliveryLog log = DeliveryLog.create();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private static ThreadPoolExecutor singleThread(BlockingQueue<Runnable> queue) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, queue, task -> {
            Thread thread = new Thread(task, "pool-worker");
            thread.setUncaughtExceptionHandler((t, e) -> { });
            return thread;
        });
    }

    // Occupies the single worker until released (bounded), so later tasks stay queued.
    private Runnable blocker() {
        return () -> {
            started.countDown();
            try {
                release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Test
    void tasksAreSentDeliveredAndHandledInSequencePerSender() throws Exception {
        // GIVEN a tapped pool
        ExecutorTap pool = Taps.executor(singleThread(new LinkedBlockingQueue<>()), log, "pool");
        try {
            // WHEN three tasks are submitted and complete
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                futures.add(pool.submit(() -> { }));
            }
            for (Future<?> future : futures) {
                future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            awaitCount(log, EventKind.HANDLED, 3);

            // THEN each is one message from this thread to executor:pool, ENQUEUED before DELIVERED
            assertThat(events(log, EventKind.DELIVERED, "executor:pool"))
                    .extracting(DeliveryEvent::sender, DeliveryEvent::sequence)
                    .containsExactly(tuple(Thread.currentThread().getName(), 1L),
                            tuple(Thread.currentThread().getName(), 2L),
                            tuple(Thread.currentThread().getName(), 3L));
            for (DeliveryEvent delivery : events(log, EventKind.DELIVERED)) {
                assertThat(indexOf(log, EventKind.ENQUEUED, delivery.messageId())).isBetween(0L, delivery.index());
            }
            assertThat(events(log, EventKind.HANDLED)).extracting(DeliveryEvent::outcome).containsOnly(Outcome.OK);
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void shutdownNowRecordsExactlyTheTasksThatNeverStartedAsDroppedTerminated() throws Exception {
        // GIVEN a single-thread pool busy with one task and three more queued
        ExecutorTap pool = Taps.executor(singleThread(new LinkedBlockingQueue<>()), log, "pool");
        try {
            pool.execute(blocker());
            assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            List<Future<?>> queued = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                queued.add(pool.submit(() -> { }));
            }

            // WHEN the pool is shut down now
            List<Runnable> neverStarted = pool.shutdownNow();

            // THEN the user's own tasks come back and exactly those are dropped as terminated
            assertThat(neverStarted).containsExactlyElementsOf(queued.stream().map(Runnable.class::cast).toList());
            assertThat(events(log, EventKind.DROPPED)).extracting(DeliveryEvent::messageId, DeliveryEvent::cause,
                    DeliveryEvent::detail).containsExactly(
                    tuple(2L, DropCause.TERMINATED, "discarded by shutdownNow()"),
                    tuple(3L, DropCause.TERMINATED, "discarded by shutdownNow()"),
                    tuple(4L, DropCause.TERMINATED, "discarded by shutdownNow()"));
            assertThat(events(log, EventKind.DELIVERED)).extracting(DeliveryEvent::messageId).containsExactly(1L);
        } finally {
            release.countDown();
            assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aTaskThatThrowsIsHandledThrewWhetherExecutedOrSubmitted() throws Exception {
        // GIVEN a tapped pool
        ExecutorTap pool = Taps.executor(singleThread(new LinkedBlockingQueue<>()), log);
        try {
            // WHEN one executed and one submitted task throw
            pool.execute(() -> {
                throw new IllegalStateException("executed boom");
            });
            Future<?> submitted = pool.submit(() -> {
                throw new IllegalArgumentException("submitted boom");
            });
            assertThatThrownBy(() -> submitted.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalArgumentException.class);
            awaitCount(log, EventKind.HANDLED, 2);

            // THEN both are HANDLED THREW with the task's own exception
            assertThat(events(log, EventKind.HANDLED)).allSatisfy(
                    handled -> assertThat(handled.outcome()).isEqualTo(Outcome.THREW))
                    .extracting(handled -> handled.error().getMessage())
                    .containsExactly("executed boom", "submitted boom");
            assertThat(events(log, EventKind.HANDLED)).extracting(DeliveryEvent::receiver).containsOnly("executor:1");
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aRejectedTaskIsDroppedForOverflowAndTheRejectionRethrown() throws Exception {
        // GIVEN a single-thread pool with a one-slot queue, busy and full
        ExecutorTap pool = Taps.executor(singleThread(new ArrayBlockingQueue<>(1)), log, "pool");
        try {
            pool.execute(blocker());
            assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            pool.execute(() -> { });

            // WHEN a third task is rejected
            assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);

            // THEN it is recorded as sent and dropped for overflow, naming capacity and policy
            assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
                assertThat(drop.messageId()).isEqualTo(3L);
                assertThat(drop.cause()).isEqualTo(DropCause.OVERFLOW);
                assertThat(drop.detail()).startsWith("rejected by AbortPolicy, capacity 1, queue depth 1");
                assertThat(drop.error()).isInstanceOf(RejectedExecutionException.class);
            });
            assertThat(indexOf(log, EventKind.ENQUEUED, 3L)).isEqualTo(-1);
        } finally {
            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aTaskSubmittedAfterShutdownIsDroppedAsPortClosed() throws Exception {
        // GIVEN a tapped pool that was shut down
        ExecutorTap pool = Taps.executor(singleThread(new LinkedBlockingQueue<>()), log, "pool");
        pool.shutdown();

        // WHEN a task is submitted THEN it is rejected and recorded as posted to a closed endpoint
        assertThatThrownBy(() -> pool.submit(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
            assertThat(drop.cause()).isEqualTo(DropCause.PORT_CLOSED);
            assertThat(drop.detail()).isEqualTo("rejected by AbortPolicy: the executor was shut down");
        });
        assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(log.liveStates()).singleElement().satisfies(state -> {
            assertThat(state.isAlive()).isFalse();
            assertThat(state.describe()).endsWith("; queued 0, terminated");
        });
    }
}
