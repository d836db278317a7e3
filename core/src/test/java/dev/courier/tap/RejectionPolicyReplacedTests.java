package dev.courier.tap;

import static dev.courier.tap.LogReading.WAIT;
import static dev.courier.tap.LogReading.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RejectionPolicyReplacedTests {

    private final DeliveryLog log = DeliveryLog.create();

    /** A user's own policy: counts the tasks it was handed and lets them go. */
    static final class CountingPolicy implements RejectedExecutionHandler {
        final AtomicInteger handed = new AtomicInteger();

        @Override
        public void rejectedExecution(Runnable task, ThreadPoolExecutor pool) {
            handed.incrementAndGet();
        }
    }

    private ThreadPoolTap busyPool(CountDownLatch release) throws InterruptedException {
        ThreadPoolTap pool = Taps.threadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new ThreadPoolExecutor.AbortPolicy(), log, "pool");
        CountDownLatch started = new CountDownLatch(1);
        pool.execute(() -> {
            started.countDown();
            try {
                assertThat(release.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return pool;
    }

    @Test
    void aPolicySetLaterIsTheOneThePoolReportsAndWhatItDoesIsRecorded() throws Exception {
        // GIVEN a tapped pool of one busy thread and no queue, whose policy is then replaced by the user's own
        CountDownLatch release = new CountDownLatch(1);
        ThreadPoolTap pool = busyPool(release);
        CountingPolicy policy = new CountingPolicy();
        pool.setRejectedExecutionHandler(policy);

        try {
            // WHEN a second task is given while the thread is busy
            pool.execute(() -> { });

            // THEN the pool reports the user's policy, the policy got the task, and the hand-over is recorded
            assertThat(pool.getRejectedExecutionHandler()).isSameAs(policy);
            assertThat(policy.handed).hasValue(1);
            assertThat(events(log, EventKind.ENQUEUED)).last().satisfies(enqueued -> {
                assertThat(enqueued.messageId()).isEqualTo(2L);
                assertThat(enqueued.detail()).startsWith("rejected, ").endsWith(": handed to CountingPolicy");
            });
            assertThat(events(log, EventKind.DROPPED)).isEmpty();
        } finally {
            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aTaskGivenAfterShutdownIsDroppedAsClosedAndStillHandedToTheUsersPolicy() throws Exception {
        // GIVEN a tapped pool with the user's own policy, shut down
        ThreadPoolTap pool = Taps.threadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new ThreadPoolExecutor.AbortPolicy(), log, "pool");
        CountingPolicy policy = new CountingPolicy();
        pool.setRejectedExecutionHandler(policy);
        pool.shutdown();

        // WHEN a task is given
        pool.execute(() -> { });

        // THEN it is dropped as closed, naming the policy, and the policy still saw it
        assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
            assertThat(drop.cause()).isEqualTo(DropCause.PORT_CLOSED);
            assertThat(drop.detail()).isEqualTo("discarded by CountingPolicy: the executor was shut down");
        });
        assertThat(policy.handed).hasValue(1);
        assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aJdkDiscardPolicyAfterShutdownDropsAsClosedWithoutCallingIt() throws Exception {
        // GIVEN a tapped scheduler whose policy is replaced by DiscardPolicy, shut down
        ScheduledThreadPoolExecutor timers = Taps.scheduledThreadPoolExecutor(1, log, "timers");
        ThreadPoolExecutor.DiscardPolicy discard = new ThreadPoolExecutor.DiscardPolicy();
        timers.setRejectedExecutionHandler(discard);
        timers.shutdown();

        // WHEN a task is scheduled
        timers.schedule(() -> { }, 1, TimeUnit.MILLISECONDS);

        // THEN the scheduler reports DiscardPolicy, and the task is dropped as closed naming it
        assertThat(timers.getRejectedExecutionHandler()).isSameAs(discard);
        assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
            assertThat(drop.cause()).isEqualTo(DropCause.PORT_CLOSED);
            assertThat(drop.detail()).isEqualTo("discarded by DiscardPolicy: the executor was shut down");
        });
        assertThat(timers.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shutdownNowGivesBackTheUsersTasksAndDropsThemAsTerminated() throws Exception {
        // GIVEN a tapped pool of one busy thread with a task queued behind it
        ThreadPoolTap pool = Taps.threadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1), new ThreadPoolExecutor.AbortPolicy(), log, "pool");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        pool.execute(() -> {
            started.countDown();
            try {
                release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Runnable queued = () -> { };
        pool.execute(queued);

        // WHEN it is shut down now
        List<Runnable> neverStarted = pool.shutdownNow();
        release.countDown();

        // THEN the queued task comes back as the user gave it, recorded as dropped, terminated
        assertThat(neverStarted).containsExactly(queued);
        assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
            assertThat(drop.messageId()).isEqualTo(2L);
            assertThat(drop.cause()).isEqualTo(DropCause.TERMINATED);
            assertThat(drop.detail()).isEqualTo("discarded by shutdownNow()");
        });
        assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }
}
