package dev.courier.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.history.LostUpdate;
import dev.courier.report.Reports;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SharedBufferLostUpdateTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final DeliveryLog log = DeliveryLog.create();

    /** Runs {@code body} on a thread named {@code name}; a failure in it fails the test at {@link #join}. */
    private static final class Named {
        private final Thread thread;
        private final List<Throwable> failures = new ArrayList<>();

        Named(String name, ThrowingRunnable body) {
            this.thread = new Thread(() -> {
                try {
                    body.run();
                } catch (Throwable failed) {
                    synchronized (failures) {
                        failures.add(failed);
                    }
                }
            }, name);
            thread.start();
        }

        void join() throws InterruptedException {
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).as("%s still running", thread.getName()).isFalse();
            synchronized (failures) {
                assertThat(failures).as("failures on %s", thread.getName()).isEmpty();
            }
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aRacyPlainCounterIsALostUpdateNamingBothThreadsTheIndexAndTheFix() throws InterruptedException {
        // GIVEN a recording buffer and two threads that each add 1 to index 0 with getPlain then setPlain,
        // interleaved by latches: a reads, b reads and writes, then a writes from its stale read
        SharedBuffer.IntView counter = SharedBuffer.allocate(8, log, "counter").intView();
        CountDownLatch aRead = new CountDownLatch(1);
        CountDownLatch bWrote = new CountDownLatch(1);
        Named a = new Named("counter-a", () -> {
            int seen = counter.getPlain(0);
            aRead.countDown();
            await(bWrote);
            counter.setPlain(0, seen + 1);
        });
        Named b = new Named("counter-b", () -> {
            await(aRead);
            counter.setPlain(0, counter.getPlain(0) + 1);
            bWrote.countDown();
        });

        // WHEN both are done
        a.join();
        b.join();

        // THEN one increment is lost, and the check names both threads, the index and the fix
        assertThat(counter.get(0)).isEqualTo(1);
        assertThat(Checks.lostUpdates(log)).singleElement().satisfies(lost -> {
            assertThat(lost.view()).isEqualTo("shared:counter.int");
            assertThat(lost.index()).isZero();
            assertThat(lost.thread()).isEqualTo("counter-a");
            assertThat(lost.interleavingThread()).isEqualTo("counter-b");
            assertThat(List.of(lost.valueRead(), lost.valueInterleaved(), lost.valueWritten()))
                    .containsExactly(0L, 1L, 1L);
        });
        Anomaly anomaly = Checks.diagnose(log).ofKind(AnomalyKind.LOST_UPDATE).get(0);
        assertThat(anomaly.isFailure()).isTrue();
        assertThat(anomaly.toString()).isEqualTo("LOST_UPDATE at `shared:counter.int`: 1 update of "
                + "`shared:counter.int` was lost at index 0 by a non-atomic read-modify-write (first: thread "
                + "`counter-a` read 0 from index 0 of `shared:counter.int`, thread `counter-b` then wrote 1 there, "
                + "and `counter-a` wrote 1 from its stale read, overwriting `counter-b`'s update). Fix: make the "
                + "read-modify-write atomic: use addAndGet(index, delta), or a compareAndSet(index, expected, value) "
                + "retry loop, instead of getPlain then setPlain (or guard every access to the index with one lock).");
    }

    @Test
    void anAtomicUpdateBetweenAPlainReadAndWriteIsLostToo() throws InterruptedException {
        // GIVEN a long view where a reads plainly, b adds atomically, and a writes from its stale read
        SharedBuffer.LongView total = SharedBuffer.allocate(16, log, "totals").longView();
        CountDownLatch aRead = new CountDownLatch(1);
        CountDownLatch bAdded = new CountDownLatch(1);
        Named a = new Named("adder-a", () -> {
            long seen = total.getPlain(1);
            aRead.countDown();
            await(bAdded);
            total.setPlain(1, seen + 5);
        });
        Named b = new Named("adder-b", () -> {
            await(aRead);
            total.addAndGet(1, 7);
            bAdded.countDown();
        });
        a.join();
        b.join();

        // WHEN / THEN b's atomic add is the lost update, at index 1 of the long view
        assertThat(total.get(1)).isEqualTo(5);
        assertThat(Checks.lostUpdates(log)).extracting(LostUpdate::describe).containsExactly("thread `adder-a` "
                + "read 0 from index 1 of `shared:totals.long`, thread `adder-b` then wrote 7 there, and `adder-a` "
                + "wrote 5 from its stale read, overwriting `adder-b`'s update");
    }

    @Test
    void aRecordingBufferRecordsEachAccessWithThreadIndexAndValue() {
        // GIVEN a recording buffer
        SharedBuffer buffer = SharedBuffer.allocate(8, log, "flags");
        SharedBuffer.IntView flags = buffer.intView();

        // WHEN the test thread writes, reads and adds
        flags.setPlain(1, 4);
        flags.getPlain(1);
        flags.addAndGet(1, 2);
        flags.compareAndSet(1, 99, 0);

        // THEN each access is one event about the view, from this thread, with the index and value
        String thread = Thread.currentThread().getName();
        assertThat(log.events()).extracting(DeliveryEvent::kind, DeliveryEvent::sender, DeliveryEvent::receiver,
                        DeliveryEvent::number, DeliveryEvent::sequence)
                .containsExactly(
                        tuple(EventKind.SHARED_WRITE, thread, "shared:flags.int", 1, 4L),
                        tuple(EventKind.SHARED_READ, thread, "shared:flags.int", 1, 4L),
                        tuple(EventKind.SHARED_ATOMIC_UPDATE, thread, "shared:flags.int",
                                1, 6L));
        assertThat(buffer.isRecording()).isTrue();
        assertThat(buffer).hasToString("SharedBuffer[8 bytes, recording as shared:flags]");
        assertThat(SharedBuffer.allocate(8).isRecording()).isFalse();
    }

    @Test
    void aSharedAccessIsExportedWithItsThreadIndexAndValue() throws IOException {
        // GIVEN one recorded plain write
        SharedBuffer.allocate(8, log, "slots").longView().setPlain(0, 42);

        // WHEN the history is written as JSON Lines
        StringWriter out = new StringWriter();
        Reports.jsonLines(log.snapshot(), out);

        // THEN the line carries the thread, the view, the index and the value
        assertThat(out.toString()).matches("\\{\"index\":0,\"kind\":\"SHARED_WRITE\",\"timeNanos\":\\d+,"
                + "\"sender\":\"" + Thread.currentThread().getName() + "\",\"sequence\":42,"
                + "\"receiver\":\"shared:slots.long\",\"number\":0}\n");
    }

    @RepeatedTest(100)
    void atomicCountersFromTwoThreadsAreNeverALostUpdate() throws InterruptedException {
        // GIVEN two threads counting into one index with addAndGet, and into another with a compareAndSet loop
        SharedBuffer.IntView counters = SharedBuffer.allocate(8, log, "atomic").intView();
        CountDownLatch go = new CountDownLatch(1);
        ThrowingRunnable count = () -> {
            await(go);
            for (int i = 0; i < 200; i++) {
                counters.addAndGet(0, 1);
                int seen;
                do {
                    seen = counters.get(1);
                } while (!counters.compareAndSet(1, seen, seen + 1));
            }
        };
        Named a = new Named("atomic-a", count);
        Named b = new Named("atomic-b", count);

        // WHEN they race
        go.countDown();
        a.join();
        b.join();

        // THEN nothing was lost and nothing is reported
        assertThat(counters.get(0)).isEqualTo(400);
        assertThat(counters.get(1)).isEqualTo(400);
        assertThat(Checks.lostUpdates(log)).isEmpty();
        assertThat(Checks.diagnose(log).failures()).isEmpty();
    }

    @RepeatedTest(100)
    void plainUseByOneThreadAndLockedPlainUseByTwoAreNeverALostUpdate() throws InterruptedException {
        // GIVEN one thread counting alone with plain accesses, and two threads counting under one lock
        SharedBuffer.IntView counters = SharedBuffer.allocate(8, log, "plain").intView();
        Object lock = new Object();
        CountDownLatch go = new CountDownLatch(1);
        Named alone = new Named("alone", () -> {
            for (int i = 0; i < 200; i++) {
                counters.setPlain(0, counters.getPlain(0) + 1);
            }
        });
        ThrowingRunnable locked = () -> {
            await(go);
            for (int i = 0; i < 200; i++) {
                synchronized (lock) {
                    counters.setPlain(1, counters.getPlain(1) + 1);
                }
            }
        };
        Named a = new Named("locked-a", locked);
        Named b = new Named("locked-b", locked);

        // WHEN they run
        go.countDown();
        alone.join();
        a.join();
        b.join();

        // THEN every increment counted, and nothing is reported, the test thread's reads afterwards included
        assertThat(counters.getPlain(0)).isEqualTo(200);
        assertThat(counters.getPlain(1)).isEqualTo(400);
        assertThat(Checks.lostUpdates(log)).isEmpty();
        assertThat(Checks.diagnose(log).failures()).isEmpty();
    }
}
