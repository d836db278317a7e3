package dev.courier.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.assertions.CourierAssertions;
import dev.courier.history.AnomalyKind;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.junit.CourierTest;
import dev.courier.junit.Workers;
import dev.courier.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A batch worker calls {@code exit(0)} once it has handled the number of jobs it was told to expect, but the
 * caller sent two more. The worker ends cleanly, no error is raised, and the two queued jobs vanish (seed
 * failure mode: the worker exits early, e.g. {@code process.exit()}, before processing queued messages).
 * Courier records them DROPPED (WORKER_EXITED) and explains the exit code and the queue. Fix: end on an
 * explicit end-of-stream message sent after the last job, so nothing can be queued behind it.
 */
@CourierTest
class EarlyExitSampleTests {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final List<String> JOBS = List.of("job-1", "job-2", "job-3", "job-4", "job-5");

    @Test
    void exitingAfterTheExpectedCountDropsTheJobsQueuedBehind(Workers workers) throws Exception {
        // GIVEN a worker told to expect three jobs, holding the first until all five are queued
        CountDownLatch allQueued = new CountDownLatch(1);
        CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        Worker batcher = workers.start(ctx -> {
            AtomicInteger done = new AtomicInteger();
            ctx.parentPort().onMessage(e -> {
                await(allQueued);
                if (done.incrementAndGet() == 3) {
                    ctx.exit(0);
                }
            });
        }, workers.options().name("batcher"));
        batcher.onExit(exitCode::complete);
        DeliveryLog log = workers.log();

        // WHEN five jobs are sent
        JOBS.forEach(batcher::postMessage);
        log.await(s -> s.count(EventKind.ENQUEUED) == JOBS.size(), BOUND);
        allQueued.countDown();

        // THEN the worker exits cleanly and the last two jobs are lost, explained by the early exit
        assertThat(exitCode.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isZero();
        CourierAssertions.assertThat(log).hasLostMessagesWithCause(DropCause.WORKER_EXITED, 2).hasNoWorkerErrors()
                .hasAnomaly(AnomalyKind.CRASHED_WITH_QUEUED)
                .hasExplanation("worker `" + batcher.label() + "` exited with code 0 with 2 messages queued; they "
                        + "were dropped (WORKER_EXITED)")
                .hasFixContaining("keep the worker running until its queue is drained");
        assertThatThrownBy(() -> CourierAssertions.assertThat(log).hasNoLostMessages().check())
                .hasMessageContaining("exited with code 0 with 2 messages queued");
    }

    @Test
    void endingOnAnEndOfStreamMessageHandlesEveryJob(Workers workers) throws Exception {
        // GIVEN a worker that ends only when it receives the end-of-stream marker
        CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        AtomicInteger handled = new AtomicInteger();
        Worker batcher = workers.start(ctx -> ctx.parentPort().onMessage(e -> {
            if ("end".equals(e.data())) {
                ctx.exit(0);
            } else {
                handled.incrementAndGet();
            }
        }), workers.options().name("batcher"));
        batcher.onExit(exitCode::complete);

        // WHEN five jobs and then the marker are sent
        JOBS.forEach(batcher::postMessage);
        batcher.postMessage("end");

        // THEN it exits cleanly after all five, and nothing was lost
        assertThat(exitCode.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isZero();
        assertThat(handled).hasValue(JOBS.size());
        CourierAssertions.assertThat(workers.log()).deliveredExactlyOnce().hasNoWorkerErrors().check();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(BOUND.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("jobs were not all queued within " + BOUND);
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }
}
