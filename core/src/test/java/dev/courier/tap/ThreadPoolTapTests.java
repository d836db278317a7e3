package dev.courier.tap;

import static dev.courier.tap.LogReading.WAIT;
import static dev.courier.tap.LogReading.awaitCount;
import static dev.courier.tap.LogReading.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.courier.history.Checks;
import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import dev.courier.tap.internal.TappedTask;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadPoolTapTests {

    private final DeliveryLog log = DeliveryLog.create();

    /** Production code typed to the JDK class: it knows nothing of Courier. */
    static final class Thumbnailer {
        private final ThreadPoolExecutor pool;

        Thumbnailer(ThreadPoolExecutor pool) {
            this.pool = pool;
        }

        CompletableFuture<String> render(String image) {
            return CompletableFuture.supplyAsync(() -> {
                if (image.isEmpty()) {
                    throw new IllegalArgumentException("empty image name");
                }
                return image + ".thumb";
            }, pool);
        }
    }

    private static ThreadPoolExecutor pool(DeliveryLog log) {
        return Taps.threadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new ThreadPoolExecutor.AbortPolicy(), log, "thumbs");
    }

    private static void stop(ThreadPoolExecutor pool) throws InterruptedException {
        pool.shutdown();
        assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anUnchangedClassTypedToThreadPoolExecutorHasEveryAsyncStageRecorded() throws Exception {
        // GIVEN production code given a tapped ThreadPoolExecutor
        ThreadPoolExecutor pool = pool(log);
        Thumbnailer thumbnailer = new Thumbnailer(pool);
        try {
            // WHEN it renders three images
            List<CompletableFuture<String>> renders = List.of(thumbnailer.render("a"), thumbnailer.render("b"),
                    thumbnailer.render("c"));
            for (CompletableFuture<String> render : renders) {
                render.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            awaitCount(log, EventKind.HANDLED, 3);

            // THEN each stage is one message to executor:thumbs, delivered once, its HANDLED naming the stage
            assertThat(Checks.delivery(log).ok()).isEqualTo(3);
            assertThat(events(log, EventKind.HANDLED, "executor:thumbs")).extracting(DeliveryEvent::detail)
                    .containsOnly(TappedTask.ASYNC_STAGE);
        } finally {
            stop(pool);
        }
    }

    @Test
    void aStageThatThrowsIsExplainedByItsExceptionWhenItsFutureIsTracked() throws Exception {
        // GIVEN production code given a tapped pool, and a recorder for the results it should deliver
        ThreadPoolExecutor pool = pool(log);
        Recorder results = Recorder.on(log, "results");
        try {
            // WHEN one render's stage throws
            results.recordSent("");
            CompletableFuture<String> render = results.track(new Thumbnailer(pool).render(""), "");
            assertThatThrownBy(() -> render.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
            awaitCount(log, EventKind.DROPPED, 1);

            // THEN the message that never arrives is dropped with the stage's exception, not left pending
            assertThat(events(log, EventKind.DROPPED, "results")).singleElement().satisfies(drop -> {
                assertThat(drop.error()).isInstanceOf(IllegalArgumentException.class).hasMessage("empty image name");
                assertThat(drop.detail()).isEqualTo("the future completed exceptionally: "
                        + "java.lang.IllegalArgumentException: empty image name; the message never reached results");
            });
            assertThat(Checks.delivery(log).pending()).isEmpty();
        } finally {
            stop(pool);
        }
    }

    @Test
    void aFailedSubmitIsHandledThrewAndShutdownNowReturnsTheUsersTasks() throws Exception {
        // GIVEN a tapped single-thread pool
        ThreadPoolExecutor pool = Taps.threadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new ThreadPoolExecutor.AbortPolicy(), log, "one");
        try {
            // WHEN a submitted task throws
            assertThatThrownBy(() -> pool.submit(() -> {
                throw new IllegalStateException("boom");
            }).get(WAIT.toSeconds(), TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
            awaitCount(log, EventKind.HANDLED, 1);

            // THEN it is HANDLED THREW with the exception its future kept
            assertThat(events(log, EventKind.HANDLED)).singleElement().satisfies(handled -> {
                assertThat(handled.outcome()).isEqualTo(Outcome.THREW);
                assertThat(handled.error()).hasMessage("boom");
            });
            assertThat(pool.getRejectedExecutionHandler()).isInstanceOf(ThreadPoolExecutor.AbortPolicy.class);
        } finally {
            stop(pool);
        }
    }

    @Test
    void scheduledTasksAreRecordedAndAPeriodicTaskThatThrowsIsAWorkerError() throws Exception {
        // GIVEN a tapped ScheduledThreadPoolExecutor, typed as the JDK class
        ScheduledThreadPoolExecutor timers = Taps.scheduledThreadPoolExecutor(1, log, "timers");
        try {
            // WHEN a one-shot task runs and a periodic task throws on its second run
            timers.schedule(() -> { }, 1, TimeUnit.MILLISECONDS).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            int[] runs = new int[1];
            ScheduledFuture<?> periodic = timers.scheduleWithFixedDelay(() -> {
                if (++runs[0] == 2) {
                    throw new IllegalStateException("second run failed");
                }
            }, 0, 1, TimeUnit.MILLISECONDS);
            assertThatThrownBy(() -> periodic.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class);
            awaitCount(log, EventKind.WORKER_ERROR, 1);

            // THEN both are messages delivered once, and the silent cancellation is recorded
            assertThat(Checks.delivery(log).ok()).isEqualTo(2);
            assertThat(events(log, EventKind.WORKER_ERROR)).singleElement().satisfies(error -> {
                assertThat(error.detail()).isEqualTo("periodic task (message 2) threw on run 2; the pool cancels "
                        + "all its later runs");
                assertThat(error.error()).hasMessage("second run failed");
            });
        } finally {
            stop(timers);
        }
    }

    @Test
    void aTaskScheduledAfterShutdownIsDroppedAsPortClosedAndShutdownNowDropsTheDelayedOnes() throws Exception {
        // GIVEN a tapped scheduler with a task delayed far into the future
        ScheduledThreadPoolExecutor timers = Taps.scheduledThreadPoolExecutor(1, log, "timers");
        timers.schedule(() -> { }, 1, TimeUnit.HOURS);

        // WHEN it is shut down now, then given another task
        assertThat(timers.shutdownNow()).hasSize(1);
        assertThatThrownBy(() -> timers.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);

        // THEN the delayed task is dropped as terminated and the late one as closed
        assertThat(events(log, EventKind.DROPPED)).extracting(DeliveryEvent::messageId, DeliveryEvent::cause)
                .containsExactly(tuple(1L, DropCause.TERMINATED),
                        tuple(2L, DropCause.PORT_CLOSED));
        assertThat(timers.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }
}
