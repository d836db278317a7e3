package dev.courier.tap;

import static dev.courier.tap.LogReading.events;
import static dev.courier.tap.LogReading.indexOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QueueTapConcurrencyTests {

    private final DeliveryLog log = DeliveryLog.create();

    @Test
    void messagesFromTwoProducersAreEachSentAndDeliveredOnceInSequencePerSender() throws Exception {
        // GIVEN a tapped bounded queue, two producer threads and one consumer thread
        QueueTap<Object> queue = Taps.queue(new ArrayBlockingQueue<>(8), log, TapOptions.defaults().name("jobs"));
        int perProducer = 150;
        List<Object> received = new ArrayList<>();
        Thread consumer = new Thread(() -> {
            try {
                for (int i = 0; i < 2 * perProducer; i++) {
                    Object next = queue.poll(10, TimeUnit.SECONDS);
                    if (next == null) {
                        return;
                    }
                    received.add(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        Thread first = producer("producer-a", queue, perProducer);
        Thread second = producer("producer-b", queue, perProducer);

        // WHEN they run to the end
        consumer.start();
        first.start();
        second.start();
        for (Thread thread : List.of(first, second, consumer)) {
            thread.join(10_000);
            assertThat(thread.isAlive()).as("%s finished; log %s", thread.getName(), log).isFalse();
        }

        // THEN every message was sent, enqueued and delivered once, ENQUEUED before DELIVERED
        assertThat(received).hasSize(2 * perProducer);
        assertThat(log.snapshot().count(EventKind.SENT)).isEqualTo(2 * perProducer);
        assertThat(log.snapshot().count(EventKind.ENQUEUED)).isEqualTo(2 * perProducer);
        List<DeliveryEvent> delivered = events(log, EventKind.DELIVERED, "queue:jobs");
        assertThat(delivered).hasSize(2 * perProducer);
        assertThat(delivered).extracting(DeliveryEvent::messageId).doesNotHaveDuplicates();
        for (DeliveryEvent event : delivered) {
            assertThat(indexOf(log, EventKind.ENQUEUED, event.messageId())).isBetween(0L, event.index() - 1);
        }
        // AND each sender's sequence numbers run 1..n in delivery order
        Map<String, List<Long>> sequences = delivered.stream().collect(Collectors.groupingBy(
                DeliveryEvent::sender, Collectors.mapping(DeliveryEvent::sequence, Collectors.toList())));
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= perProducer; i++) {
            expected.add(i);
        }
        assertThat(sequences).containsOnlyKeys("producer-a", "producer-b");
        assertThat(sequences.get("producer-a")).isEqualTo(expected);
        assertThat(sequences.get("producer-b")).isEqualTo(expected);
    }

    private static Thread producer(String name, QueueTap<Object> queue, int count) {
        return new Thread(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    queue.put(new Object());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }
}
