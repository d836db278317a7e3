package dev.courier.tap;

import static dev.courier.tap.LogReading.WAIT;
import static dev.courier.tap.LogReading.awaitCount;
import static dev.courier.tap.LogReading.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DeliveryReport;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each JDK rejection policy is recorded as what it did, for both executor taps: a pool with one thread
 * (held busy) and a one-slot queue (full) rejects a third task.
 */
class ExecutorRejectionTests {

    private final DeliveryLog log = DeliveryLog.create();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** The two ways to tap a ThreadPoolExecutor. */
    enum Tapping {
        SUBCLASS {
            @Override
            ThreadPoolExecutor tap(RejectedExecutionHandler policy, DeliveryLog log) {
                return Taps.threadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), policy, log,
                        "pool");
            }
        },
        WRAPPER {
            @Override
            ThreadPoolExecutor tap(RejectedExecutionHandler policy, DeliveryLog log) {
                ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(1), policy);
                Taps.executor(pool, log, "pool");
                return pool;
            }
        };

        abstract ThreadPoolExecutor tap(RejectedExecutionHandler policy, DeliveryLog log);
    }

    // The subclass is itself the executor; the wrapper is reached through its ExecutorTap.
    private static Executor entry(Tapping tapping, ThreadPoolExecutor pool, DeliveryLog log) {
        return tapping == Tapping.SUBCLASS ? pool : Taps.executor(pool, log, "pool");
    }

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

    private Executor busyAndFull(Tapping tapping, ThreadPoolExecutor pool) throws InterruptedException {
        Executor executor = entry(tapping, pool, log);
        executor.execute(blocker());
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        executor.execute(() -> { });
        return executor;
    }

    private void stop(ThreadPoolExecutor pool) throws InterruptedException {
        release.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Tapping.class)
    void discardPolicyIsRecordedAsAnOverflowDropNamingThePolicyCapacityAndDepth(Tapping tapping) throws Exception {
        // GIVEN a busy, full pool whose policy is DiscardPolicy
        ThreadPoolExecutor pool = tapping.tap(new ThreadPoolExecutor.DiscardPolicy(), log);
        try {
            Executor executor = busyAndFull(tapping, pool);

            // WHEN a third task is submitted
            executor.execute(() -> { });

            // THEN it is DROPPED OVERFLOW as discarded by DiscardPolicy with the queue as it was, never pending
            assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
                assertThat(drop.messageId()).isEqualTo(3L);
                assertThat(drop.cause()).isEqualTo(DropCause.OVERFLOW);
                assertThat(drop.number()).isEqualTo(1);
                assertThat(drop.detail()).startsWith("discarded by DiscardPolicy, capacity 1, queue depth 1, ");
            });
            release.countDown();
            awaitCount(log, EventKind.HANDLED, 2);
            DeliveryReport report = Checks.delivery(log);
            assertThat(report.pending()).isEmpty();
            assertThat(report.lost()).singleElement().satisfies(lost -> assertThat(lost.id()).isEqualTo(3L));
            assertThat(Checks.diagnose(log).ofKind(AnomalyKind.OVERFLOW)).singleElement()
                    .satisfies(anomaly -> assertThat(anomaly.explanation()).startsWith("`executor:pool` had no room "
                            + "for 1 task: its queue (capacity 1) was full and every thread busy, so it was discarded "
                            + "by DiscardPolicy (OVERFLOW; capacity 1, queue depth 1, "));
        } finally {
            stop(pool);
        }
    }

    @ParameterizedTest
    @EnumSource(Tapping.class)
    void discardOldestPolicyIsRecordedOnTheEvictedTaskAndTheNewOneRuns(Tapping tapping) throws Exception {
        // GIVEN a busy, full pool whose policy is DiscardOldestPolicy
        ThreadPoolExecutor pool = tapping.tap(new ThreadPoolExecutor.DiscardOldestPolicy(), log);
        try {
            Executor executor = busyAndFull(tapping, pool);

            // WHEN a third task is submitted
            executor.execute(() -> { });
            release.countDown();
            awaitCount(log, EventKind.HANDLED, 2);

            // THEN the queued second task is the one dropped, naming the task it made room for; the third runs
            assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
                assertThat(drop.messageId()).isEqualTo(2L);
                assertThat(drop.cause()).isEqualTo(DropCause.OVERFLOW);
                assertThat(drop.detail()).startsWith("discarded by DiscardOldestPolicy to make room for message 3, "
                        + "capacity 1, queue depth 1, ");
            });
            assertThat(events(log, EventKind.DELIVERED)).extracting(DeliveryEvent::messageId).containsExactly(1L, 3L);
        } finally {
            stop(pool);
        }
    }

    @ParameterizedTest
    @EnumSource(Tapping.class)
    void abortPolicyIsRecordedOnceAsRejectedAndTheExceptionReachesTheCaller(Tapping tapping) throws Exception {
        // GIVEN a busy, full pool whose policy is AbortPolicy
        ThreadPoolExecutor pool = tapping.tap(new ThreadPoolExecutor.AbortPolicy(), log);
        try {
            Executor executor = busyAndFull(tapping, pool);

            // WHEN a third task is submitted
            assertThatThrownBy(() -> executor.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);

            // THEN it is dropped exactly once, as rejected by AbortPolicy
            assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
                assertThat(drop.messageId()).isEqualTo(3L);
                assertThat(drop.cause()).isEqualTo(DropCause.OVERFLOW);
                assertThat(drop.detail()).startsWith("rejected by AbortPolicy, capacity 1, queue depth 1, ");
                assertThat(drop.error()).isInstanceOf(RejectedExecutionException.class);
            });
        } finally {
            stop(pool);
        }
    }

    @ParameterizedTest
    @EnumSource(Tapping.class)
    void callerRunsPolicyIsRecordedAsRunOnTheSubmittingThread(Tapping tapping) throws Exception {
        // GIVEN a busy, full pool whose policy is CallerRunsPolicy
        ThreadPoolExecutor pool = tapping.tap(new ThreadPoolExecutor.CallerRunsPolicy(), log);
        try {
            Executor executor = busyAndFull(tapping, pool);
            String[] ranOn = new String[1];

            // WHEN a third task is submitted
            executor.execute(() -> ranOn[0] = Thread.currentThread().getName());

            // THEN it ran on this thread, recorded as enqueued by the policy, delivered and handled; nothing dropped
            String caller = Thread.currentThread().getName();
            assertThat(ranOn[0]).isEqualTo(caller);
            assertThat(events(log, EventKind.ENQUEUED)).filteredOn(e -> e.messageId() == 3L).singleElement()
                    .satisfies(enqueued -> assertThat(enqueued.detail()).startsWith("rejected, capacity 1, queue depth 1, ")
                            .endsWith(": run by CallerRunsPolicy on the submitting thread " + caller));
            assertThat(events(log, EventKind.HANDLED)).filteredOn(e -> e.messageId() == 3L)
                    .extracting(DeliveryEvent::outcome).containsExactly(Outcome.OK);
            assertThat(events(log, EventKind.DROPPED)).isEmpty();
        } finally {
            stop(pool);
        }
    }

    @ParameterizedTest
    @EnumSource(Tapping.class)
    void aDiscardingPolicyAfterShutdownIsRecordedAsPortClosed(Tapping tapping) throws Exception {
        // GIVEN a pool with DiscardPolicy that is shut down
        ThreadPoolExecutor pool = tapping.tap(new ThreadPoolExecutor.DiscardPolicy(), log);
        Executor executor = entry(tapping, pool, log);
        pool.shutdown();

        // WHEN a task is submitted
        executor.execute(() -> { });

        // THEN it is dropped because the executor was shut down
        assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
            assertThat(drop.cause()).isEqualTo(DropCause.PORT_CLOSED);
            assertThat(drop.detail()).isEqualTo("discarded by DiscardPolicy: the executor was shut down");
        });
        assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }
}
