package dev.courier.tap;

import static dev.courier.tap.LogReading.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.DeliveryLog;
import dev.courier.history.LiveState;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PoolTapStateTests {

    private final DeliveryLog log = DeliveryLog.create();

    @Test
    void aTappedThreadPoolReportsItsQueueActiveThreadsAndStage() throws Exception {
        // GIVEN a tapped pool of at most one thread, kept busy, with one task queued behind
        ThreadPoolTap pool = Taps.threadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2),
                new ThreadPoolExecutor.AbortPolicy(), log, "workers");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        pool.execute(() -> {
            started.countDown();
            awaitQuietly(release);
        });
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        pool.execute(() -> { });
        LiveState state = log.liveStates().get(0);

        // WHEN it runs, is shut down, then is let finish
        String running = state.describe();
        boolean aliveRunning = state.isAlive();
        pool.shutdown();
        String shutDown = state.describe();
        release.countDown();
        assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // THEN its state names what is queued, what is active and the stage; alive until terminated
        assertThat(pool.label()).isEqualTo("executor:workers");
        assertThat(pool.toString()).startsWith("executor:workers[").contains("[Terminated, pool size = ");
        assertThat(running).startsWith("executor:workers: sent 2,").endsWith("; queued 1, active 1 of max 1, running");
        assertThat(aliveRunning).isTrue();
        assertThat(shutDown).endsWith("; queued 1, active 1 of max 1, shut down");
        assertThat(state.describe()).endsWith("; queued 0, active 0 of max 1, terminated");
        assertThat(state.isAlive()).isFalse();
    }

    @Test
    void aTappedSchedulerReportsWhatIsScheduledAndItsStage() throws Exception {
        // GIVEN a tapped scheduler with one task an hour away
        ScheduledThreadPoolExecutor timers = Taps.scheduledThreadPoolExecutor(1, log, "timers");
        timers.schedule(() -> { }, 1, TimeUnit.HOURS);
        LiveState state = log.liveStates().get(0);

        // WHEN it runs, then is shut down now
        String running = state.describe();
        boolean aliveRunning = state.isAlive();
        timers.shutdownNow();
        assertThat(timers.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // THEN its state names what is scheduled, its active threads and the stage; alive until terminated
        assertThat(timers.toString()).startsWith("executor:timers[").contains("[Terminated, pool size = ");
        assertThat(running).matches(".*; scheduled 1, active [01], running"); // its thread may be starting
        assertThat(aliveRunning).isTrue();
        assertThat(state.describe()).endsWith("; scheduled 0, active 0, terminated");
        assertThat(state.isAlive()).isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
