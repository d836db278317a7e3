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
import dev.courier.history.LostMessage;
import dev.courier.junit.CourierTest;
import dev.courier.junit.Workers;
import dev.courier.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A service shuts its indexing worker down with {@code terminate()} right after handing it the last
 * documents. {@code terminate()} stops the worker as soon as it can and discards whatever is still queued,
 * so the documents behind the one being indexed are silently lost (seed failure mode: terminate with
 * messages in flight). Courier records them as DROPPED (TERMINATED) and diagnoses TERMINATED_WITH_QUEUED.
 * Fix: {@code close()}, which lets the worker drain its queue before it stops.
 */
@CourierTest
class TerminateInFlightSampleTests {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final int DOCUMENTS = 5;

    @Test
    void terminateDiscardsTheDocumentsStillQueuedAndCourierDiagnosesIt(Workers workers) throws Exception {
        // GIVEN an indexer busy with the first of five documents (its listener waits on a latch)
        CountDownLatch indexing = new CountDownLatch(1);
        List<Object> indexed = new CopyOnWriteArrayList<>();
        Worker indexer = startIndexer(workers, indexing, indexed);
        DeliveryLog log = workers.log();
        postDocuments(indexer);
        await(log, s -> s.count(EventKind.DELIVERED) == 1 && s.count(EventKind.ENQUEUED) == DOCUMENTS);
        assertThat(indexer.queueDepth()).isEqualTo(DOCUMENTS - 1);
        // WHEN the service terminates it
        assertThat(indexer.terminate().get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
        // THEN the four queued documents were dropped (TERMINATED), never indexed
        assertThat(Checks.delivery(log).lost()).hasSize(DOCUMENTS - 1)
                .allSatisfy(lost -> assertThat(lost.cause()).isEqualTo(DropCause.TERMINATED))
                .extracting(LostMessage::sequence).containsExactly(2L, 3L, 4L, 5L);
        assertThatThrownBy(() -> CourierAssertions.assertThat(log).hasNoLostMessages().check())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TERMINATED_WITH_QUEUED")
                .hasMessageContaining("terminate() discarded 4 queued messages");
        assertThat(indexed).isEmpty();
        // and Courier names the cause and the fix
        assertThat(Checks.diagnose(log).ofKind(AnomalyKind.TERMINATED_WITH_QUEUED)).singleElement()
                .satisfies(anomaly -> {
                    assertThat(anomaly.explanation()).isEqualTo("terminate() discarded 4 queued messages to "
                            + "worker `" + indexer.label() + "` (TERMINATED)");
                    assertThat(anomaly.fix()).startsWith("call close() to drain the queue before the worker stops");
                });
    }

    @Test
    void closeLetsTheIndexerDrainItsQueueBeforeItStops(Workers workers) throws Exception {
        // GIVEN the same indexer, busy with the first of five documents
        CountDownLatch indexing = new CountDownLatch(1);
        List<Object> indexed = new CopyOnWriteArrayList<>();
        Worker indexer = startIndexer(workers, indexing, indexed);
        DeliveryLog log = workers.log();
        postDocuments(indexer);
        await(log, s -> s.count(EventKind.DELIVERED) == 1 && s.count(EventKind.ENQUEUED) == DOCUMENTS);
        // WHEN the service closes it (the first document finishes meanwhile)
        indexing.countDown();
        indexer.close();
        // THEN every document was indexed, in order, and nothing was lost
        assertThat(indexed).containsExactly("doc-1", "doc-2", "doc-3", "doc-4", "doc-5");
        CourierAssertions.assertThat(log).deliveredExactlyOnce().hasNoAnomalies().check();
    }

    // The first document blocks until `indexing` opens (or terminate interrupts the wait).
    private static Worker startIndexer(Workers workers, CountDownLatch indexing, List<Object> indexed) {
        return workers.start("indexer", ctx -> ctx.parentPort().onMessage(e -> {
            if (e.sequence() == 1) {
                try {
                    if (!indexing.await(BOUND.toSeconds(), TimeUnit.SECONDS)) {
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            indexed.add(e.data());
        }));
    }

    private static void postDocuments(Worker indexer) {
        for (int i = 1; i <= DOCUMENTS; i++) {
            indexer.postMessage("doc-" + i);
        }
    }

    private static void await(DeliveryLog log, Predicate<HistorySnapshot> condition) throws InterruptedException {
        assertThat(log.await(condition, BOUND)).as("history reached the expected state within %s:%n%s", BOUND,
                log.events()).isTrue();
    }
}
