package dev.courier.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.assertions.CourierAssertions;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.QueueReport;
import dev.courier.junit.CourierTest;
import dev.courier.junit.Workers;
import dev.courier.worker.OverflowPolicy;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A producer posts 1,000 events to a worker that is slower than it. {@code postMessage} never pushes back,
 * so the queue grows without bound (memory in production), and once someone bounds it with a drop policy
 * the overflow is silently thrown away (seed failure mode: no backpressure). Courier records the queue's
 * high-water mark and diagnoses OVERFLOW with capacity, high-water mark and rates. Fix: an acknowledgement
 * protocol with a bounded in-flight window: the worker acks each message, the sender waits for a free slot.
 */
@CourierTest
class NoBackpressureSampleTests {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final int EVENTS = 1_000;
    private static final int CAPACITY = 100;
    private static final int WINDOW = 16;

    @Test
    void fastSenderFillsAnUnboundedQueueWhileTheReceiverIsBusy(Workers workers) throws Exception {
        // GIVEN a consumer whose listener is stuck on the first event until `busy` opens
        CountDownLatch busy = new CountDownLatch(1);
        Worker consumer = startSlowConsumer(workers, workers.options().name("consumer"), busy);
        DeliveryLog log = workers.log();
        // WHEN the producer posts 1,000 events while the consumer works on the first
        postWhileBusy(consumer);
        int highWaterMark = consumer.highWaterMark();
        QueueReport queues = Checks.queues(log);
        busy.countDown();
        // THEN every other event is queued: nothing told the producer to slow down
        assertThat(highWaterMark).isEqualTo(EVENTS - 1);
        assertThat(queues.queue(consumer.label()).highWaterMark()).isEqualTo(EVENTS - 1);
        assertThat(queues.anomalies()).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.kind()).isEqualTo(AnomalyKind.UNDRAINED_QUEUE);
            assertThat(anomaly.explanation()).isEqualTo("`" + consumer.label() + "` still had 999 queued "
                    + "messages when the snapshot was taken (enqueued 1000, delivered 1, dropped 0, high-water "
                    + "mark 999)");
        });
        consumer.close();
        assertThatThrownBy(() -> CourierAssertions.assertThat(log).hasQueueDepthAtMost(WINDOW).check())
                .isInstanceOf(AssertionError.class).hasMessageContaining("999");
    }

    @Test
    void boundedQueueWithDropNewestLosesTheOverflowAndCourierDiagnosesIt(Workers workers) throws Exception {
        // GIVEN the same busy consumer behind a queue of 100 that drops new events when full
        CountDownLatch busy = new CountDownLatch(1);
        Worker consumer = startSlowConsumer(workers, workers.options().name("consumer").capacity(CAPACITY)
                .overflow(OverflowPolicy.DROP_NEWEST), busy);
        DeliveryLog log = workers.log();
        // WHEN the producer posts 1,000 events, and the consumer then catches up
        postWhileBusy(consumer);
        busy.countDown();
        await(log, s -> s.count(EventKind.HANDLED) == CAPACITY + 1);
        // THEN 899 events were dropped (OVERFLOW) without the producer noticing
        assertThat(Checks.delivery(log).lost()).hasSize(EVENTS - 1 - CAPACITY)
                .allSatisfy(lost -> assertThat(lost.cause()).isEqualTo(DropCause.OVERFLOW));
        assertThatThrownBy(() -> CourierAssertions.assertThat(log).hasNoLostMessages().check())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OVERFLOW")
                .hasMessageContaining("capacity 100, DROP_NEWEST");
        // and Courier explains the overflow with the queue's limits, high-water mark and rates
        assertThat(Checks.diagnose(log).ofKind(AnomalyKind.OVERFLOW)).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.explanation()).startsWith("the bounded queue of `" + consumer.label()
                    + "` (capacity 100, DROP_NEWEST) overflowed: 899 messages were dropped (OVERFLOW), "
                    + "high-water mark 100; messages were sent at ").contains(" and handled at ");
            assertThat(anomaly.fix()).startsWith("add backpressure (an acknowledgement protocol with a bounded "
                    + "in-flight window)");
        });
    }

    @Test
    void acknowledgementWindowKeepsTheQueueWithinTheWindowAndLosesNothing(Workers workers) throws Exception {
        // GIVEN a consumer that acknowledges every event, and a producer allowed 16 unacknowledged events
        Semaphore window = new Semaphore(WINDOW);
        Worker consumer = workers.start("consumer",
                ctx -> ctx.parentPort().onMessage(e -> ctx.parentPort().postMessage("ack")));
        consumer.onMessage(ack -> window.release());
        DeliveryLog log = workers.log();
        // WHEN the producer posts 1,000 events, each only once a slot in the window is free
        for (int i = 1; i <= EVENTS; i++) {
            assertThat(window.tryAcquire(BOUND.toSeconds(), TimeUnit.SECONDS)).as("slot for event %s", i).isTrue();
            consumer.postMessage(i);
        }
        assertThat(window.tryAcquire(WINDOW, BOUND.toSeconds(), TimeUnit.SECONDS)).as("all acknowledged").isTrue();
        consumer.close();
        // THEN the consumer's queue never held more than the window, and every event arrived
        assertThat(consumer.highWaterMark()).isLessThanOrEqualTo(WINDOW);
        assertThat(Checks.queues(log).maxDepth(consumer.label())).isLessThanOrEqualTo(WINDOW);
        assertThat(Checks.delivery(log).receiver(consumer.label()).ok()).isEqualTo(EVENTS);
        CourierAssertions.assertThat(log).hasQueueDepthAtMost(WINDOW).deliveredExactlyOnce().hasNoAnomalies().check();
    }

    // Waits in its first listener call until `busy` opens: a receiver slower than its sender.
    private static Worker startSlowConsumer(Workers workers, WorkerOptions options, CountDownLatch busy) {
        return workers.start(ctx -> ctx.parentPort().onMessage(e -> {
            if (e.sequence() == 1) {
                try {
                    busy.await(BOUND.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }), options);
    }

    // Posts the first event, waits until the consumer is busy with it, then posts the rest.
    private static void postWhileBusy(Worker consumer) throws InterruptedException {
        consumer.postMessage(1);
        await(consumer.log(), s -> s.count(EventKind.DELIVERED) == 1);
        for (int i = 2; i <= EVENTS; i++) {
            consumer.postMessage(i);
        }
    }

    private static void await(DeliveryLog log, Predicate<HistorySnapshot> condition) throws InterruptedException {
        assertThat(log.await(condition, BOUND)).as("history reached the expected state within %s:%n%s", BOUND,
                log.events().size() + " events").isTrue();
    }
}
