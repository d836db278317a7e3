package dev.courier.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DeliveryReport;
import dev.courier.history.EventKind;
import dev.courier.history.OrderReport;
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
        DeliveryReport delivery = Checks.delivery(log);
        assertThat(delivery.lost()).hasSize(MESSAGES - 1);
        assertThat(Checks.diagnose(log).ofKind(AnomalyKind.TERMINATED_WITH_QUEUED)).singleElement()
                .extracting(Anomaly::explanation).isEqualTo("terminate() discarded 999 queued messages to worker `"
                        + worker.label() + "` (TERMINATED)");
    }

    @Test
    void aThousandMessagesAreAllReceivedWithinFiveSecondsExactlyOnceAndInOrder(Workers workers, DeliveryLog log)
            throws Exception {
        // GIVEN a counting worker and a counting sender
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        Worker worker = workers.start("counter", ctx -> ctx.parentPort().onMessage(event -> received.incrementAndGet()));

        // WHEN main sends 1,000 messages
        for (int i = 0; i < MESSAGES; i++) {
            worker.postMessage(i);
            sent.incrementAndGet();
        }

        // THEN all are handled within 5 s, the counters agree, nothing is lost or duplicated, order is kept
        assertThat(log.await(s -> s.count(EventKind.HANDLED) == MESSAGES, WITHIN))
                .as("%s messages handled within %s; %s", MESSAGES, WITHIN, Checks.delivery(log)).isTrue();
        worker.close();
        assertThat(received.get()).isEqualTo(sent.get()).isEqualTo(MESSAGES);
        DeliveryReport delivery = Checks.delivery(log);
        assertThat(delivery.ok()).isEqualTo(MESSAGES);
        assertThat(delivery.lost()).isEmpty();
        assertThat(delivery.duplicated()).isEmpty();
        OrderReport order = Checks.order(log);
        assertThat(order.isInSendOrderPerSender()).as("%s", order).isTrue();
        assertThat(Checks.diagnose(log).isClean()).as("%s", Checks.diagnose(log)).isTrue();
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
