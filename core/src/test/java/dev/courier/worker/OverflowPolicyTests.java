package dev.courier.worker;

import static dev.courier.worker.Histories.awaitKind;
import static dev.courier.worker.Histories.dropped;
import static dev.courier.worker.Histories.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** S5: bounded queues. The worker is held inside its first listener call so the queue fills up. */
class OverflowPolicyTests {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Object> handled = Collections.synchronizedList(new ArrayList<>());
    private Worker worker;

    @AfterAll
    static void noWorkerThreadOutlivesTheClass() throws InterruptedException {
        WorkerThreads.assertNoneAlive();
    }

    @AfterEach
    void stopWorker() throws Exception {
        release.countDown();
        if (worker != null) {
            worker.terminate().get(10, TimeUnit.SECONDS);
        }
    }

    // Capacity 2; message 1 is taken and blocks the worker, messages 2 and 3 fill the queue.
    private void startHeldWorkerWithFullQueue(OverflowPolicy policy) throws InterruptedException {
        startHeldWorkerWithFullQueue(policy, Duration.ofMillis(200));
    }

    private void startHeldWorkerWithFullQueue(OverflowPolicy policy, Duration blockTimeout) throws InterruptedException {
        worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> {
            entered.countDown();
            Histories.awaitQuietly(release);
            handled.add(e.data());
        }), WorkerOptions.defaults().name("bounded").capacity(2).overflow(policy)
                .blockTimeout(blockTimeout));
        worker.postMessage(1);
        Histories.await(entered);
        worker.postMessage(2);
        worker.postMessage(3);
        assertThat(worker.queueDepth()).isEqualTo(2);
    }

    private List<DeliveryEvent> overflowDrops() {
        return events(worker.log(), dropped(DropCause.OVERFLOW));
    }

    @Test
    void dropNewestDropsTheArrivingMessageSilentlyForTheSender() throws Exception {
        // GIVEN a full queue under DROP_NEWEST
        startHeldWorkerWithFullQueue(OverflowPolicy.DROP_NEWEST);
        // WHEN a fourth message arrives
        worker.postMessage(4);
        // THEN message 4 is dropped with OVERFLOW and the rest are handled
        release.countDown();
        awaitKind(worker.log(), EventKind.HANDLED, 3);
        assertThat(handled).containsExactly(1, 2, 3);
        assertThat(overflowDrops()).singleElement().satisfies(drop -> {
            assertThat(drop.sequence()).isEqualTo(4);
            assertThat(drop.detail()).isEqualTo("capacity 2, DROP_NEWEST");
        });
    }

    @Test
    void dropOldestMakesRoomByDroppingTheOldestQueuedMessage() throws Exception {
        // GIVEN a full queue under DROP_OLDEST
        startHeldWorkerWithFullQueue(OverflowPolicy.DROP_OLDEST);
        // WHEN a fourth message arrives
        worker.postMessage(4);
        // THEN message 2 (the oldest queued) is dropped and 1, 3, 4 handled
        release.countDown();
        awaitKind(worker.log(), EventKind.HANDLED, 3);
        assertThat(handled).containsExactly(1, 3, 4);
        assertThat(overflowDrops()).singleElement().satisfies(drop -> {
            assertThat(drop.sequence()).isEqualTo(2);
            assertThat(drop.detail()).isEqualTo("capacity 2, DROP_OLDEST");
        });
    }

    @Test
    void failThrowsQueueFullToTheSenderAfterRecordingTheDrop() throws Exception {
        // GIVEN a full queue under FAIL
        startHeldWorkerWithFullQueue(OverflowPolicy.FAIL);
        // WHEN a fourth message arrives THEN the sender gets a QueueFullException naming the receiver
        assertThatThrownBy(() -> worker.postMessage(4)).isInstanceOf(QueueFullException.class)
                .hasMessageContaining("the queue of " + worker.label() + " is full (capacity 2, FAIL)")
                .hasMessageContaining("was dropped");
        assertThat(overflowDrops()).singleElement().satisfies(drop -> assertThat(drop.sequence()).isEqualTo(4));
        assertThat(events(worker.log(), EventKind.SENT)).hasSize(4);
    }

    @Test
    void blockFailsWithAClearMessageWhenNoSpaceFreesUpInTime() throws Exception {
        // GIVEN a full queue under BLOCK with a 200 ms block timeout
        startHeldWorkerWithFullQueue(OverflowPolicy.BLOCK);
        // WHEN a fourth message arrives and the worker stays stuck
        // THEN the sender gets a QueueFullException after the bound, and the drop is recorded
        assertThatThrownBy(() -> worker.postMessage(4)).isInstanceOf(QueueFullException.class)
                .hasMessageContaining("stayed full (capacity 2, BLOCK) for PT0.2S")
                .hasMessageContaining("not keeping up or is stuck");
        assertThat(overflowDrops()).singleElement().satisfies(drop -> assertThat(drop.sequence()).isEqualTo(4));
    }

    @Test
    void blockWaitsForSpaceAndThenEnqueues() throws Exception {
        // GIVEN a full queue under BLOCK (a block bound far beyond the test's own waits) and a sender posting a
        // fourth message
        startHeldWorkerWithFullQueue(OverflowPolicy.BLOCK, Histories.BOUND);
        Worker bounded = worker;
        Thread sender = new Thread(() -> bounded.postMessage(4), "blocked-sender");
        sender.start();
        Awaitility.await().atMost(Histories.BOUND).until(() -> sender.getState() == Thread.State.TIMED_WAITING);
        // WHEN the worker is released
        release.countDown();
        // THEN the blocked send completes and every message is handled in order
        TimeUnit.SECONDS.timedJoin(sender, 10);
        assertThat(sender.isAlive()).isFalse();
        awaitKind(worker.log(), EventKind.HANDLED, 4);
        assertThat(handled).containsExactly(1, 2, 3, 4);
        assertThat(overflowDrops()).isEmpty();
    }

    @Test
    void queueDepthAndHighWaterMarkAreRecordedAndReported() throws Exception {
        // GIVEN a full queue
        startHeldWorkerWithFullQueue(OverflowPolicy.DROP_NEWEST);
        // THEN ENQUEUED carries the depth, and the high-water mark is kept and described
        List<DeliveryEvent> enqueued = events(worker.log(), e -> e.kind() == EventKind.ENQUEUED);
        assertThat(enqueued).extracting(DeliveryEvent::queueDepth).containsExactly(1, 1, 2);
        assertThat(worker.highWaterMark()).isEqualTo(2);
        assertThat(worker.log().liveStates().get(0).describe()).contains("queue 2 (high-water 2, capacity 2, DROP_NEWEST)");
    }

    @Test
    void capacityIsPositiveOrUnboundedAndANegativeOneIsRefused() {
        // GIVEN a bounded base
        WorkerOptions bounded = WorkerOptions.defaults().capacity(4);

        // WHEN it is unbounded again with the one convention, THEN it is unbounded and reports 0
        WorkerOptions unbounded = bounded.capacity(WorkerOptions.UNBOUNDED);
        assertThat(bounded.isBounded()).isTrue();
        assertThat(bounded.capacity()).isEqualTo(4);
        assertThat(unbounded.isBounded()).isFalse();
        assertThat(unbounded.capacity()).isZero();
        assertThat(WorkerOptions.defaults().capacity()).isEqualTo(WorkerOptions.UNBOUNDED);
        assertThat(unbounded).hasToString(WorkerOptions.defaults().toString());

        // AND a negative capacity is refused with the value and the convention named
        assertThatThrownBy(() -> WorkerOptions.defaults().capacity(-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity must be positive, or 0 (WorkerOptions.UNBOUNDED) for unbounded queues, was -3");
    }

    @Test
    void anUnboundedQueueTakesMoreThanAnyBoundItHadBefore() {
        // GIVEN a worker whose options were bounded to 1 and then unbounded, and a listener that waits
        CountDownLatch release = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> Histories.awaitQuietly(release)),
                WorkerOptions.defaults().capacity(1).overflow(OverflowPolicy.FAIL).capacity(WorkerOptions.UNBOUNDED));
        try {
            // WHEN ten messages are posted while the first is being handled
            for (int i = 0; i < 10; i++) {
                worker.postMessage(i);
            }
        } finally {
            release.countDown();
            worker.close();
        }

        // THEN none overflowed
        assertThat(Histories.events(worker.log(), EventKind.DROPPED)).isEmpty();
        assertThat(Histories.events(worker.log(), EventKind.HANDLED)).hasSize(10);
    }
}
