package dev.courier.tap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DeliveryReport;
import dev.courier.history.EventKind;
import dev.courier.history.OrderReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class CompetingConsumersTests {

    private static final String POISON = "end-of-stream";
    private static final int MESSAGES = 200;
    private static final int CONSUMERS = 3;

    private final DeliveryLog log = DeliveryLog.create();

    @RepeatedTest(100)
    void severalConsumersTakingFromOneCorrectQueueReportNoOrderViolationAndThePillsAreNoDuplicates()
            throws Exception {
        // GIVEN one producer, three consumers and one poison pill per consumer, declared as end-of-stream
        QueueTap<Object> queue = Taps.queue(new LinkedBlockingQueue<>(), log,
                TapOptions.defaults().name("jobs").endOfStream(POISON::equals));
        List<Thread> consumers = new ArrayList<>();
        for (int c = 0; c < CONSUMERS; c++) {
            consumers.add(consumer("consumer-" + c, queue));
        }

        // WHEN the producer sends every message and then the pills
        consumers.forEach(Thread::start);
        for (int i = 0; i < MESSAGES; i++) {
            queue.put(i);
        }
        for (int c = 0; c < CONSUMERS; c++) {
            queue.put(POISON);
        }
        for (Thread consumer : consumers) {
            consumer.join(10_000);
            assertThat(consumer.isAlive()).as("%s ended", consumer.getName()).isFalse();
        }

        // THEN nothing fires: no order violation, no duplicate pill, no loss, nothing pending
        OrderReport order = Checks.order(log);
        DeliveryReport delivery = Checks.delivery(log);
        assertThat(order.perSenderTotal()).isZero();
        assertThat(delivery.isClean()).as("%s", delivery).isTrue();
        assertThat(delivery.sentCount()).isEqualTo(MESSAGES);
        assertThat(Checks.diagnose(log).anomalies()).filteredOn(Anomaly::isFailure).isEmpty();
        assertThat(log.snapshot().count(EventKind.CONSUMER_STOPPED)).isEqualTo(CONSUMERS);
    }

    @RepeatedTest(100)
    void aMultiThreadTappedExecutorReportsNoOrderViolation() throws Exception {
        // GIVEN a three-thread pool, tapped
        ExecutorService pool = Executors.newFixedThreadPool(CONSUMERS);
        ExecutorTap executor = Taps.executor(pool, log, "stage");

        // WHEN one thread submits many short tasks and the pool drains them
        for (int i = 0; i < MESSAGES; i++) {
            executor.execute(() -> { });
        }
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        // THEN no order violation and no failing anomaly
        assertThat(Checks.order(log).perSenderTotal()).isZero();
        assertThat(Checks.diagnose(log).anomalies()).filteredOn(Anomaly::isFailure).isEmpty();
    }

    @Test
    void oneConsumerStillHasItsFifoJudged() throws Exception {
        // GIVEN a single consumer thread taking from a tapped queue
        QueueTap<Object> queue = Taps.queue(new LinkedBlockingQueue<>(), log, TapOptions.defaults().name("one"));
        queue.put("a");
        queue.put("b");

        // WHEN it takes both
        queue.take();
        queue.take();

        // THEN one consumer is recorded, so its deliveries keep their FIFO meaning
        assertThat(LogReading.events(log, EventKind.CONSUMER_STARTED)).hasSize(1);
        assertThat(Checks.diagnose(log).ofKind(AnomalyKind.PER_SENDER_ORDER_VIOLATED)).isEmpty();
    }

    private static Thread consumer(String name, QueueTap<Object> queue) {
        return new Thread(() -> {
            try {
                while (true) {
                    Object next = queue.take();
                    if (POISON.equals(next)) {
                        return;
                    }
                    queue.handled(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }

    @Test
    void aConsumerStoppedByAPillBeforeTheTailIsNamedWithTheMessagesLeftQueued() throws Exception {
        // GIVEN a pill put before the last three messages, and one consumer that stops at it
        QueueTap<Object> queue = Taps.queue(new LinkedBlockingQueue<>(), log,
                TapOptions.defaults().name("tail").endOfStream(POISON::equals));
        queue.put(1);
        queue.put(POISON);
        for (int i = 2; i <= 4; i++) {
            queue.put(i);
        }
        Thread consumer = consumer("consumer-1", queue);

        // WHEN it runs until the pill
        consumer.start();
        consumer.join(10_000);
        assertThat(consumer.isAlive()).isFalse();

        // THEN the tail is explained by the stop, and the pill is neither sent nor lost
        List<Anomaly> failures = Checks.diagnose(log).failures();
        assertThat(failures).extracting(Anomaly::kind).containsExactly(AnomalyKind.PENDING);
        assertThat(failures.get(0).explanation()).isEqualTo("3 messages to `queue:tail` were left behind: consumer "
                + "`consumer-1` stopped at the end-of-stream message with 3 messages still queued");
        assertThat(Checks.delivery(log).sentCount()).isEqualTo(4);
    }
}
