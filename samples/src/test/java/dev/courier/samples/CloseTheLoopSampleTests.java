package dev.courier.samples;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.AnomalyKind;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.junit.CourierTest;
import dev.courier.junit.Workers;
import dev.courier.worker.Worker;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The incident write-ups' verification recipe, "a fix you cannot prove is a guess": count on both sides,
 * send 1,000 messages and assert all are received within 5 s. Shown first against a classic mistake from
 * the same write-ups, {@code terminate()} without draining, which the counters catch and the history
 * explains (TERMINATED); then the fix, {@code close()}, which drains and passes: every message received
 * exactly once, in per-sender order.
 */
@CourierTest
class CloseTheLoopSampleTests {

    private static final int MESSAGES = 1000;
    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    void terminateWithoutDrainingIsCaughtByTheCountersAndExplained(Workers workers, DeliveryLog log)
            throws Exception {
        // GIVEN a counting worker that is still busy with the first message when main is done sending
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Worker worker = workers.start("counter", ctx -> ctx.parentPort().onMessage(event -> {
            received.incrementAndGet();
            inFirst.countDown();
            awaitQuietly(never);
        }));
        for (int i = 0; i < MESSAGES; i++) {
            worker.postMessage(i);
            sent.incrementAndGet();
        }
        assertThat(inFirst.await(WITHIN.toNanos(), TimeUnit.NANOSECONDS)).as("first message in the listener").isTrue();

        // WHEN main stops the worker with terminate()
        assertThat(worker.terminate().get(WITHIN.toNanos(), TimeUnit.NANOSECONDS)).isEqualTo(1);

        // THEN the counters disagree, and the history says where the rest went
        assertThat(sent.get()).isEqualTo(MESSAGES);
        assertThat(received.get()).isEqualTo(1);
        String explanation = "terminate() discarded 999 queued messages to worker `" + worker.label()
                + "` (TERMINATED)";
        assertThatThrownBy(() -> assertThat(log).hasNoLostMessages().check()).hasMessageContaining(explanation);
        assertThat(log).hasLostMessagesWithCause(DropCause.TERMINATED, MESSAGES - 1)
                .hasAnomaly(AnomalyKind.TERMINATED_WITH_QUEUED).hasExplanation(explanation)
                .hasFixContaining("call close() to drain the queue");
    }

    @Test
    void aThousandMessagesAreAllReceivedWithinFiveSecondsExactlyOnceAndInOrder(Workers workers, DeliveryLog log)
            throws Exception {
        // GIVEN a counting worker and a counting sender
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        Worker worker = workers.start("counter",
                ctx -> ctx.parentPort().onMessage(event -> received.incrementAndGet()));

        // WHEN main sends 1,000 messages
        for (int i = 0; i < MESSAGES; i++) {
            worker.postMessage(i);
            sent.incrementAndGet();
        }

        // THEN all are handled within 5 s (every listener returned, so its count is visible), the counters
        // agree, nothing is lost or duplicated, order is kept, and the running worker is no anomaly mid-test
        assertThat(worker).within(WITHIN).handled(MESSAGES).check();
        assertThat(received.get()).isEqualTo(sent.get()).isEqualTo(MESSAGES);
        assertThat(log).handledExactlyOnce().isInSendOrderPerSender().hasNoAnomalies().check();
        worker.close();
    }

    // Blocks the listener until released; terminate() interrupts it, which ends the wait quietly.
    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WITHIN.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
