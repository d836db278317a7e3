package dev.courier.samples;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DeliveryReport;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.history.LostMessage;
import dev.courier.tap.ExecutorTap;
import dev.courier.tap.QueueTap;
import dev.courier.tap.Recorder;
import dev.courier.tap.TapOptions;
import dev.courier.tap.Taps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * An existing ExecutorService + BlockingQueue pipeline (producers, an inbox queue, a transform stage on
 * an executor, a queue, a batching stage on a two-thread executor) is not moved onto workers: it is tapped
 * into one DeliveryLog, and Courier's checks find its real bugs. A poison-pill shutdown that stops at the
 * first producer's pill drops the second producer's tail; a batch list shared by two threads without a
 * lock loses or duplicates items; a producer reusing one mutable message after put() changes it in flight.
 * The fixes: one pill per producer, a synchronized batch, a fresh object per message. (Courier also
 * reports, truthfully, that the two-thread stage does not keep per-producer order.)
 */
class TappedPipelineSampleTests {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final Set<AnomalyKind> DELIVERY_FAULTS = Set.of(AnomalyKind.PENDING,
            AnomalyKind.DUPLICATE_DELIVERY);

    /** End of a producer's stream; one object per producer, since the taps identify messages by identity. */
    record Pill(String producer) {
    }

    @Test
    void aPoisonPillShutdownDropsTheSecondProducersTailAndTheHistorySaysWhichAndWhy() throws Exception {
        // GIVEN a pipeline whose inbox consumer stops at the first pill, fed by two producers
        DeliveryLog log = DeliveryLog.create();

        // WHEN producer-a sends 5 items and its pill, then producer-b sends 5 items, and the pipeline shuts down
        new Pipeline(log, 1, new LockedBatch(4)).run(5, 5);

        // THEN producer-b's 5 items and its pill were discarded with the inbox, and never reached the sink;
        // the failure names the producer, the queue and the cause
        DeliveryReport delivery = Checks.delivery(log);
        assertThat(delivery.lost()).extracting(LostMessage::sender).containsOnly("producer-b").hasSize(6);
        assertThatThrownBy(() -> assertThat(log).hasNoLostMessages().check())
                .hasMessageContaining("producer-b -> queue:inbox")
                .hasMessageContaining("6 queued messages to `queue:inbox` were lost (TERMINATED): discarded by clear()");
        assertThat(log).hasLostMessagesWithCause(DropCause.TERMINATED, 6)
                .hasAnomaly(AnomalyKind.PENDING).isAt("sink").hasExplanationContaining("5 messages to `sink`");
    }

    @Test
    void aBatchListSharedByTwoThreadsWithoutALockLosesOrDuplicatesItems() throws Exception {
        // GIVEN the pipeline with one pill per producer, but an unsynchronized batch on the two-thread stage
        // WHEN it runs, for up to 20 rounds of 2 x 100 items
        List<Anomaly> atSink = new ArrayList<>();
        int rounds = 0;
        while (atSink.isEmpty() && rounds < 20) {
            rounds++;
            DeliveryLog log = DeliveryLog.create();
            new Pipeline(log, 2, new RacyBatch(4)).run(100, 100);
            Checks.diagnose(log).failures().stream().filter(anomaly -> "sink".equals(anomaly.endpoint()))
                    .filter(anomaly -> DELIVERY_FAULTS.contains(anomaly.kind())).forEach(atSink::add);
        }

        // THEN the delivery check at the sink catches items that never arrived (still pending once the
        // pipeline has shut down) or arrived twice
        assertThat(atSink).as("delivery anomalies at the sink after %s round(s)", rounds).isNotEmpty();
        assertThat(atSink).extracting(Anomaly::explanation).allSatisfy(text -> assertThat(text)
                .containsAnyOf("sent and never delivered while `sink` received others, and no drop was recorded: a "
                + "stage between the send and `sink` lost", "delivered more than once to `sink`"));
    }

    @Test
    void onePillPerProducerAndALockedBatchDeliverEveryItemExactlyOnce() throws Exception {
        // GIVEN the fixed pipeline: it stops after both pills, and the batch is guarded by a lock
        DeliveryLog log = DeliveryLog.create();

        // WHEN it runs with two producers of 100 items
        new Pipeline(log, 2, new LockedBatch(4)).run(100, 100);

        // THEN every item went through every stage and reached the sink exactly once; the only failures
        // the diagnosis may report are order inversions: the two-thread stage really reorders items end to end
        assertThat(Checks.delivery(log).receiver("sink").ok()).isEqualTo(200);
        assertThat(log).deliveredExactlyOnce().check();
        assertThat(Checks.diagnose(log).failures()).extracting(Anomaly::kind)
                .allSatisfy(kind -> assertThat(kind).isEqualTo(AnomalyKind.PER_SENDER_ORDER_VIOLATED));
    }

    @Test
    void aProducerReusingOneMutableMessageAfterPutIsCaughtAsMutatedInFlight() throws Exception {
        // GIVEN a tapped queue that snapshots each message at send
        DeliveryLog log = DeliveryLog.create();
        QueueTap<List<Integer>> readings = Taps.queue(new LinkedBlockingQueue<>(), log,
                TapOptions.defaults().name("readings").sender("sensor").snapshotAtSend(true));

        // WHEN the producer refills and re-sends one list before the consumer takes the first
        List<Integer> reading = new ArrayList<>(List.of(1, 2, 3));
        readings.put(reading);
        reading.clear();
        reading.add(4);
        readings.put(reading);
        readings.take();
        readings.take();

        // THEN the first delivery is not what was sent, and the diagnosis says so
        assertThat(log.snapshot().count(EventKind.MUTATED_IN_FLIGHT)).isEqualTo(1);
        assertThat(log).hasAnomaly(AnomalyKind.MUTATED_IN_FLIGHT).isAt("queue:readings")
                .hasExplanationContaining("changed between send and delivery", "from `sensor`",
                        "$[0]: VALUE_CHANGED expected 1 but was 4", "$[1]: MISSING expected 2 but was absent")
                .hasFixContaining("do not modify a payload after posting it");
    }

    @Test
    void aProducerSendingAFreshObjectEachTimeHasNoMutationInFlight() throws Exception {
        // GIVEN the same tapped queue
        DeliveryLog log = DeliveryLog.create();
        QueueTap<List<Integer>> readings = Taps.queue(new LinkedBlockingQueue<>(), log,
                TapOptions.defaults().name("readings").sender("sensor").snapshotAtSend(true));

        // WHEN the producer builds a new list for every reading
        readings.put(new ArrayList<>(List.of(1, 2, 3)));
        readings.put(new ArrayList<>(List.of(4)));
        List<List<Integer>> taken = List.of(readings.take(), readings.take());

        // THEN both arrive as sent, once each
        assertThat(taken).containsExactly(List.of(1, 2, 3), List.of(4));
        assertThat(log).deliveredExactlyOnce().hasNoAnomalies().check();
    }

    /** The stage-2 batch: items in, batches of {@code size} out to {@code sink}. */
    private interface Batch {
        void add(String item, Consumer<List<String>> sink);

        void flush(Consumer<List<String>> sink);
    }

    /** The bug: a plain ArrayList that two executor threads add to and flush from. */
    private static final class RacyBatch implements Batch {
        private final int size;
        private final List<String> items = new ArrayList<>();

        RacyBatch(int size) {
            this.size = size;
        }

        @Override
        public void add(String item, Consumer<List<String>> sink) {
            items.add(item);
            if (items.size() == size) {
                List<String> full = new ArrayList<>(items);
                Thread.yield(); // where the scheduler preempts it in production
                items.clear();
                sink.accept(full);
            }
        }

        @Override
        public void flush(Consumer<List<String>> sink) {
            sink.accept(new ArrayList<>(items));
            items.clear();
        }
    }

    /** The fix: the same batch, every access under one lock. */
    private static final class LockedBatch implements Batch {
        private final RacyBatch batch;

        LockedBatch(int size) {
            this.batch = new RacyBatch(size);
        }

        @Override
        public synchronized void add(String item, Consumer<List<String>> sink) {
            batch.add(item, sink);
        }

        @Override
        public synchronized void flush(Consumer<List<String>> sink) {
            batch.flush(sink);
        }
    }

    /**
     * producer-a, producer-b → queue:inbox → executor:transform (1 thread) → queue:processed →
     * executor:batch (2 threads) → the batch → sink. The sink's Recorder closes each item's end-to-end
     * message, sent when the producer sends it. Thread contract: {@link #run} is called once, from the test
     * thread; it blocks until the pipeline has shut down (every wait bounded).
     */
    private static final class Pipeline {
        private final DeliveryLog log;
        private final int pillsToStop;
        private final Batch batch;
        private final QueueTap<Object> inbox;
        private final QueueTap<Object> processed;
        private final ExecutorTap transform;
        private final ExecutorTap batching;
        private final Recorder sink;

        Pipeline(DeliveryLog log, int pillsToStop, Batch batch) {
            this.log = log;
            this.pillsToStop = pillsToStop;
            this.batch = batch;
            this.inbox = Taps.queue(new LinkedBlockingQueue<>(), log, TapOptions.defaults().name("inbox"));
            this.processed = Taps.queue(new LinkedBlockingQueue<>(), log,
                    TapOptions.defaults().name("processed").sender("transform"));
            this.transform = Taps.executor(Executors.newSingleThreadExecutor(), log, "transform");
            this.batching = Taps.executor(Executors.newFixedThreadPool(2), log, "batch");
            this.sink = Recorder.on(log, "sink");
        }

        void run(int itemsOfA, int itemsOfB) throws Exception {
            ExecutorService loops = Executors.newFixedThreadPool(2);
            try {
                Future<?> first = loops.submit(this::firstStage);
                Future<?> second = loops.submit(this::secondStage);
                produce("producer-a", itemsOfA);
                produce("producer-b", itemsOfB);
                first.get(BOUND.toNanos(), TimeUnit.NANOSECONDS);
                second.get(BOUND.toNanos(), TimeUnit.NANOSECONDS);
            } finally {
                loops.shutdownNow();
                inbox.clear(); // shutdown housekeeping: whatever is left in the inbox is discarded
            }
        }

        private void produce(String producer, int items) throws InterruptedException {
            QueueTap<Object> as = inbox.as(producer);
            for (int i = 1; i <= items; i++) {
                String item = producer + "/" + i;
                sink.as(producer).recordSent(item);
                as.put(item);
            }
            as.put(new Pill(producer));
        }

        // Takes from the inbox until the expected number of pills, hands items to the transform executor.
        private Void firstStage() throws Exception {
            int pills = 0;
            while (pills < pillsToStop) {
                Object item = next(inbox);
                if (item instanceof Pill) {
                    pills++;
                } else {
                    transform.execute(() -> processed.add(item)); // the transform's own work is elided
                }
            }
            transform.shutdown();
            assertThat(transform.awaitTermination(BOUND.toNanos(), TimeUnit.NANOSECONDS)).isTrue();
            processed.add(new Pill("transform"));
            return null;
        }

        // Takes processed items until the pill, batches them on two threads, then flushes the rest.
        private Void secondStage() throws Exception {
            Consumer<List<String>> out = items -> items.forEach(sink::recordDelivered);
            for (Object item = next(processed); !(item instanceof Pill); item = next(processed)) {
                String text = (String) item;
                batching.execute(() -> batch.add(text, out));
            }
            batching.shutdown();
            assertThat(batching.awaitTermination(BOUND.toNanos(), TimeUnit.NANOSECONDS)).isTrue();
            batch.flush(out);
            return null;
        }

        private Object next(QueueTap<Object> queue) throws InterruptedException {
            Object item = queue.poll(BOUND.toNanos(), TimeUnit.NANOSECONDS);
            if (item == null) {
                throw new IllegalStateException("nothing arrived at " + queue.label() + " within " + BOUND
                        + "; " + Checks.delivery(log));
            }
            return item;
        }
    }
}
