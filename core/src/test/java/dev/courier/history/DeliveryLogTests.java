package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeliveryLogTests {

    @Test
    void concurrentAppendsKeepEveryEventAndEachThreadsOrder() throws Exception {
        // GIVEN four threads appending 5,000 events each, released together
        DeliveryLog log = DeliveryLog.create();
        int perThread = 5_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 1; thread <= 4; thread++) {
                String sender = "t" + thread;
                done.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    for (int seq = 1; seq <= perThread; seq++) {
                        log.writer().record(EventKind.SENT).message(log.writer().nextMessageId(), seq).between(sender, "sink").append();
                    }
                    return null;
                }));
            }

            // WHEN
            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // THEN every event is there, and each sender's sequence numbers appear in order
        HistorySnapshot snapshot = log.snapshot();
        assertThat(snapshot.size()).isEqualTo(4 * perThread);
        long[] last = new long[5];
        for (int index = 0; index < snapshot.size(); index++) {
            int thread = snapshot.sender(index).charAt(1) - '0';
            assertThat(snapshot.sequence(index)).isEqualTo(last[thread] + 1);
            last[thread] = snapshot.sequence(index);
        }
        assertThat(Checks.delivery(snapshot).sentCount()).isEqualTo(4 * perThread);
    }

    @Test
    void awaitWakesWhenAnAppendMakesTheConditionTrue() throws Exception {
        // GIVEN a waiter for one DELIVERED event, blocked on the log
        DeliveryLog log = DeliveryLog.create();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> result = CompletableFuture.supplyAsync(() -> {
            try {
                waiting.countDown();
                return log.await(s -> s.count(EventKind.DELIVERED) == 1, Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

        // WHEN the event is appended
        log.writer().record(EventKind.DELIVERED).message(1, 1).between("main", "w#1").append();

        // THEN the waiter returns true
        assertThat(result.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void awaitReturnsFalseWhenTheTimeoutPasses() throws Exception {
        // GIVEN an empty log
        DeliveryLog log = DeliveryLog.create();

        // WHEN waiting briefly for something that never happens
        boolean held = log.await(s -> s.size() > 0, Duration.ofMillis(20));

        // THEN
        assertThat(held).isFalse();
    }

    @Test
    void snapshotDoesNotSeeLaterAppends() {
        // GIVEN a snapshot of two events
        DeliveryLog log = DeliveryLog.create();
        log.writer().record(EventKind.SENT).message(1, 1).between("main", "w#1").append();
        log.writer().record(EventKind.SENT).message(2, 2).between("main", "w#1").append();
        HistorySnapshot snapshot = log.snapshot();

        // WHEN more events are appended
        log.writer().record(EventKind.DELIVERED).message(1, 1).between("main", "w#1").append();

        // THEN the snapshot is unchanged
        assertThat(snapshot.size()).isEqualTo(2);
        assertThat(snapshot.count(EventKind.DELIVERED)).isZero();
        assertThat(log.snapshot().size()).isEqualTo(3);
    }

    @Test
    void detailErrorAndPayloadRoundTrip() {
        // GIVEN an event with side data and one without
        DeliveryLog log = DeliveryLog.create(() -> 42L);
        IllegalStateException error = new IllegalStateException("boom");
        Object payload = List.of("a");
        log.writer().record(EventKind.DROPPED).message(7, 3).between("main", "w#1").cause(DropCause.OVERFLOW).number(64)
                .detail("capacity 64, DROP_NEWEST").error(error).payload(payload).append();
        log.writer().record(EventKind.SENT).message(8, 4).between("main", "w#1").append();

        // WHEN
        DeliveryEvent event = log.events().get(0);

        // THEN
        assertThat(event).isEqualTo(new DeliveryEvent(0, EventKind.DROPPED, 42L, 7, "main", "w#1", 3, 64,
                DropCause.OVERFLOW, Outcome.NONE, "capacity 64, DROP_NEWEST", error, payload));
        assertThat(log.snapshot().detail(1)).isNull();
        assertThat(log.snapshot().payload(1)).isNull();
    }

    @Test
    void eventsBeyondOneChunkKeepTheirValues() {
        // GIVEN more events than fit in two chunks of 4096
        DeliveryLog log = DeliveryLog.create();
        int total = 3 * 4096 + 5;
        for (int i = 0; i < total; i++) {
            log.writer().record(EventKind.SENT).message(i + 1L, i + 1L).between("main", "w#" + (i % 3)).detail("d" + i).append();
        }

        // WHEN
        HistorySnapshot snapshot = log.snapshot();

        // THEN values on both sides of every chunk boundary are intact
        assertThat(snapshot.size()).isEqualTo(total);
        for (int index : new int[] {4095, 4096, 8191, 8192, 12287, 12288, total - 1}) {
            assertThat(snapshot.messageId(index)).isEqualTo(index + 1L);
            assertThat(snapshot.receiver(index)).isEqualTo("w#" + (index % 3));
            assertThat(snapshot.detail(index)).isEqualTo("d" + index);
        }
        assertThat(Checks.delivery(snapshot).pending()).hasSize(total);
    }
}
