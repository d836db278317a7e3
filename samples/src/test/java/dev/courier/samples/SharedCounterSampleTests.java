package dev.courier.samples;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.LostUpdate;
import dev.courier.junit.CourierTest;
import dev.courier.junit.Workers;
import dev.courier.worker.SharedBuffer;
import dev.courier.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Main and a worker both count events into one {@link SharedBuffer} slot. Every message between them is
 * delivered, yet the total comes out short: a plain read-then-write increment lets one side overwrite the
 * other's update (seed failure mode "SharedArrayBuffer without proper Atomics synchronization"). The
 * delivery history is clean, so the loss shows only in the counter itself, over many rounds. A buffer
 * allocated with the test's log records its accesses, and the history then names the lost update itself
 * (LOST_UPDATE, both threads and the index). The fix: the atomic {@code addAndGet}.
 */
@CourierTest
class SharedCounterSampleTests {

    private static final int ROUNDS = 50;
    private static final int INCREMENTS = 20_000;
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final int COUNT = 0;
    private static final int READY = 1;
    private static final int GO = 2;

    /** How one side bumps the counter in slot 0 of the shared memory. */
    private enum Increment {
        /**
         * Read the count, then write it back plus one: a write by the other side in between is lost. The
         * yield between the two stands in for the scheduler preempting the thread there, which is what
         * makes the bug bite in production; it also keeps the JIT from folding the loop into one update.
         */
        PLAIN {
            @Override
            void apply(SharedBuffer.IntView counter) {
                int seen = counter.getPlain(COUNT);
                Thread.yield();
                counter.setPlain(COUNT, seen + 1);
            }
        },
        /** One atomic read-modify-write. */
        ATOMIC {
            @Override
            void apply(SharedBuffer.IntView counter) {
                counter.addAndGet(COUNT, 1);
            }
        };

        abstract void apply(SharedBuffer.IntView counter);
    }

    @Test
    void plainIncrementsFromTwoThreadsLoseUpdatesWhileEveryMessageIsDelivered(Workers workers, DeliveryLog log)
            throws Exception {
        // GIVEN main and a worker that both increment the shared counter with plain get/set
        // WHEN they race for up to 50 rounds of 2 x 20,000 increments
        List<Integer> totals = race(Increment.PLAIN, workers);

        // THEN at least one round came out short of 40,000, though the history shows no lost message
        List<Integer> lossy = totals.stream().filter(total -> total < 2 * INCREMENTS).toList();
        assertThat(lossy).as("rounds that lost updates, of %s: %s", totals.size(), totals).isNotEmpty();
        assertThat(totals).allSatisfy(total -> assertThat(total).isLessThanOrEqualTo(2 * INCREMENTS));
        assertThat(Checks.delivery(log).ok()).as("every 'go' and 'done' delivered").isEqualTo(2 * totals.size());
        assertThat(log).deliveredExactlyOnce().hasNoAnomalies().check();
    }

    @Test
    void atomicIncrementsCountExactlyEveryRound(Workers workers, DeliveryLog log) throws Exception {
        // GIVEN main and a worker that both increment the shared counter with addAndGet
        // WHEN they race for 50 rounds of 2 x 20,000 increments
        List<Integer> totals = race(Increment.ATOMIC, workers);

        // THEN every round counts exactly 40,000
        assertThat(totals).hasSize(ROUNDS).containsOnly(2 * INCREMENTS);
        assertThat(log).deliveredExactlyOnce().hasNoAnomalies().check();
    }

    @Test
    void aRecordingBufferNamesTheLostUpdateWithBothThreadsAndTheIndex(Workers workers, DeliveryLog log)
            throws Exception {
        // GIVEN a shared counter that records into the test's log, and a worker that increments it in two steps
        // (read on "read", write back plus one on "write"), so main's increment can land in between
        SharedBuffer memory = SharedBuffer.allocate(4, log, "hits");
        SharedBuffer.IntView counter = memory.intView();
        BlockingQueue<Object> answers = new ArrayBlockingQueue<>(1);
        Worker worker = workers.start(ctx -> {
            SharedBuffer.IntView shared = ctx.workerData(SharedBuffer.class).intView();
            int[] seen = new int[1];
            ctx.parentPort().onMessage(event -> {
                if (event.data().equals("read")) {
                    seen[0] = shared.getPlain(COUNT);
                } else {
                    shared.setPlain(COUNT, seen[0] + 1);
                }
                ctx.parentPort().postMessage(event.data());
            });
        }, workers.options().name("counter").workerData(memory));
        worker.onMessage(event -> answers.add(event.data()));

        // WHEN the worker reads, main increments, then the worker writes from what it read
        worker.postMessage("read");
        assertThat(answers.poll(BOUND.toNanos(), TimeUnit.NANOSECONDS)).isEqualTo("read");
        counter.setPlain(COUNT, counter.getPlain(COUNT) + 1);
        worker.postMessage("write");
        assertThat(answers.poll(BOUND.toNanos(), TimeUnit.NANOSECONDS)).isEqualTo("write");

        // THEN two increments counted one, and the history says whose update was lost, where, and the fix
        assertThat(counter.get(COUNT)).isEqualTo(1);
        String main = Thread.currentThread().getName();
        assertThat(Checks.lostUpdates(log)).singleElement().satisfies(lost -> {
            assertThat(lost.thread()).startsWith("courier-worker-counter-");
            assertThat(lost.interleavingThread()).isEqualTo(main);
            assertThat(lost.index()).isEqualTo(COUNT);
        });
        LostUpdate lost = Checks.lostUpdates(log).get(0);
        assertThatThrownBy(() -> assertThat(log).hasNoAnomalies().check()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("LOST_UPDATE at `shared:hits.int`: 1 update of `shared:hits.int` was lost at "
                        + "index 0 by a non-atomic read-modify-write (first: thread `" + lost.thread() + "` read 0 "
                        + "from index 0 of `shared:hits.int`, thread `" + main + "` then wrote 1 there")
                .hasMessageContaining("Fix: make the read-modify-write atomic: use addAndGet(index, delta)");
        assertThat(Checks.diagnose(log).ofKind(AnomalyKind.LOST_UPDATE)).hasSize(1);
    }

    /**
     * Runs rounds until {@link #ROUNDS}, or, for plain increments, until one round has lost updates (so
     * the test stops as soon as it has shown the bug). Each round: main posts "go", both sides meet at a
     * start gate in the shared memory, increment, and the worker answers "done".
     */
    private static List<Integer> race(Increment increment, Workers workers) throws Exception {
        SharedBuffer memory = SharedBuffer.allocate(3 * 4);
        SharedBuffer.IntView counter = memory.intView();
        BlockingQueue<Object> answers = new ArrayBlockingQueue<>(1);
        List<Integer> totals = new ArrayList<>();
        Worker worker = workers.start(ctx -> {
            SharedBuffer.IntView shared = ctx.workerData(SharedBuffer.class).intView();
            ctx.parentPort().onMessage(event -> {
                shared.set(READY, 1);
                spinUntil(shared, GO, 1);
                for (int i = 0; i < INCREMENTS; i++) {
                    increment.apply(shared);
                }
                ctx.parentPort().postMessage("done");
            });
        }, workers.options().name("counter").workerData(memory));
        worker.onMessage(event -> answers.add(event.data()));
        for (int round = 1; round <= ROUNDS; round++) {
            counter.set(COUNT, 0);
            counter.set(READY, 0);
            counter.set(GO, 0);
            worker.postMessage("go " + round);
            spinUntil(counter, READY, 1);
            counter.set(GO, 1);
            for (int i = 0; i < INCREMENTS; i++) {
                increment.apply(counter);
            }
            assertThat(answers.poll(BOUND.toNanos(), TimeUnit.NANOSECONDS)).as("worker done, round %s", round)
                    .isEqualTo("done");
            totals.add(counter.get(COUNT));
            if (increment == Increment.PLAIN && counter.get(COUNT) < 2 * INCREMENTS) {
                break;
            }
        }
        worker.close();
        return totals;
    }

    // A start gate in the shared memory itself: spinning (bounded) lets both sides start within
    // nanoseconds of each other, where a parking barrier would let one side finish before the other woke.
    private static void spinUntil(SharedBuffer.IntView memory, int slot, int value) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (memory.get(slot) != value) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("slot " + slot + " did not become " + value + " within " + BOUND);
            }
            Thread.onSpinWait();
        }
    }
}
