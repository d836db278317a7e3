package dev.courier.assertions;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerAssertionsTests {

    @Test
    void workerReceivedExactlyWaitsForItsDeliveries() {
        // GIVEN an echo worker sent three messages
        try (Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { }),
                WorkerOptions.defaults().name("sink"))) {
            for (int i = 0; i < 3; i++) {
                worker.postMessage(i);
            }

            // WHEN / THEN
            assertThatCode(() -> assertThat(worker).within(Duration.ofSeconds(10)).receivedExactly(3).check())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void timeoutShowsTheStuckWorkersThreadStack() throws Exception {
        // GIVEN a worker whose listener blocks on a latch, so the second message stays queued
        CountDownLatch release = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }), WorkerOptions.defaults().name("stuck"));
        try {
            worker.postMessage("first");
            worker.postMessage("second");

            // WHEN / THEN the timeout failure names the worker and prints where its thread is blocked
            assertThatThrownBy(() -> assertThat(worker).within(Duration.ofMillis(300)).receivedExactly(2).check())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("stuck#" + worker.threadId())
                    .hasMessageContaining("courier-worker-stuck-" + worker.threadId())
                    .hasMessageContaining("CountDownLatch.await");
        } finally {
            release.countDown();
            worker.terminate().get(10, TimeUnit.SECONDS);
        }
    }
}
