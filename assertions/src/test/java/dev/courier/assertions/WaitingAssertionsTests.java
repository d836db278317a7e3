package dev.courier.assertions;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.courier.history.AnomalyKind;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(UnscaledTimeouts.class)
class WaitingAssertionsTests {

    private static final Duration LONG = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofMillis(100);

    private final Recorder recorder = new Recorder();
    private final ExecutorService other = Executors.newSingleThreadExecutor();
    private final CountDownLatch go = new CountDownLatch(1);

    @AfterEach
    void stopTheOtherThread() throws InterruptedException {
        other.shutdownNow();
        assertThat(other.awaitTermination(10, TimeUnit.SECONDS)).as("the appending thread ended").isTrue();
    }

    /** On the other thread, once {@code go} opens: delivers messages {@code from..to} to transcoder#3. */
    private Future<?> deliverLater(long from, long to) {
        return other.submit(() -> {
            assertThat(go.await(10, TimeUnit.SECONDS)).as("go signal").isTrue();
            for (long id = from; id <= to; id++) {
                recorder.enqueued(id, id, "main", "transcoder#3", 1);
                recorder.delivered(id, id, "main", "transcoder#3");
                recorder.handled(id, id, "main", "transcoder#3");
            }
            return null;
        });
    }

    private void sentTo(String receiver, long... ids) {
        for (long id : ids) {
            recorder.sent(id, id, "main", receiver);
        }
    }

    @Test
    void logCheckWithinWakesWhenAnotherThreadCompletesTheHistory() throws Exception {
        // GIVEN two messages in flight, delivered by another thread once signalled
        sentTo("transcoder#3", 1, 2);
        Future<?> deliveries = deliverLater(1, 2);

        // WHEN the test waits for exactly-once delivery
        go.countDown();
        assertThatCode(() -> assertThat(recorder.log).within(LONG).deliveredExactlyOnce().hasNoLostMessages().check())
                .doesNotThrowAnyException();

        // THEN it held once both were delivered
        deliveries.get(10, TimeUnit.SECONDS);
        assertThat(recorder.log.snapshot().count(EventKind.DELIVERED)).isEqualTo(2);
    }

    @Test
    void logCheckTimeoutFailsWithTheLastVerdictAndTheState() {
        // GIVEN a queued message nobody delivers, and a registered worker state
        recorder.sent(1, 1, "main", "transcoder#3");
        recorder.enqueued(1, 1, "main", "transcoder#3", 1);
        recorder.log.writer().register(new FakeWorkerState("transcoder#3"));

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).within(SHORT).deliveredExactlyOnce().check())
                .hasMessage("Expecting the 1 sent message to be delivered exactly once with nothing in "
                        + "flight but 0 lost, 0 duplicated, 0 unexpected, 1 pending:\n"
                        + "  - message 1 main -> transcoder#3 (seq 1): still queued\n"
                        + "Diagnosis:\n"
                        + "  PENDING at `transcoder#3`: 1 message to `transcoder#3` was still queued (1 of 1) with no "
                        + "consumer recorded taking from `transcoder#3`. Fix: start a consumer for `transcoder#3` and "
                        + "keep it running until the queue is drained (take through a tap so its consumers are "
                        + "recorded), or close() the receiver to drain it.\n"
                        + "Still not true after waiting 100 ms. State at timeout (2 events):\n"
                        + "  messages: sent 1, delivered 0, lost 0, duplicated 0, unexpected 0, pending 1\n"
                        + "  channels:\n"
                        + "    main->transcoder#3: sent 1, delivered 0, ok 0, lost 0, duplicated 0, unexpected 0, "
                        + "pending 1\n"
                        + "  queues:\n"
                        + "    `transcoder#3`: depth 1, high-water mark 1 (enqueued 1, delivered 0, dropped 0)\n"
                        + "  live participants:\n"
                        + "    transcoder#3 (alive):\n"
                        + "      queue depth 2, 0 message listeners\n"
                        + "      thread courier-worker-transcoder-3 WAITING on a queue\n"
                        + "        at app.Transcoder.decode(Transcoder.java:42)");
    }

    @Test
    void anomalyWithinWaitsUntilTheDiagnosisNamesIt() throws Exception {
        // GIVEN an exited worker, and another thread that posts to it once signalled
        recorder.online("pool#3", "pool");
        recorder.exit("pool#3", 0);
        Future<?> stalePost = other.submit(() -> {
            assertThat(go.await(10, TimeUnit.SECONDS)).as("go signal").isTrue();
            recorder.sentAndDropped(1, "main", "pool#3", DropCause.PORT_CLOSED);
            return null;
        });

        // WHEN
        go.countDown();
        assertThatCode(() -> assertThat(recorder.log).within(LONG).hasAnomaly(AnomalyKind.STALE_REFERENCE)
                .isAt("pool#3").concernsMessages(1L)).doesNotThrowAnyException();

        // THEN
        stalePost.get(10, TimeUnit.SECONDS);
    }

    @Test
    void receivedExactlyWakesOnDeliveriesFromAnotherThread() throws Exception {
        // GIVEN three messages sent, delivered by another thread once signalled
        sentTo("transcoder#3", 1, 2, 3);
        Future<?> deliveries = deliverLater(1, 3);

        // WHEN
        go.countDown();
        assertThatCode(() -> assertThat(recorder.endpoint("transcoder#3")).within(LONG).receivedExactly(3).check())
                .doesNotThrowAnyException();

        // THEN
        deliveries.get(10, TimeUnit.SECONDS);
    }

    @Test
    void receivedExactlyTimeoutShowsDeliveriesSoFarStateAndDiagnosis() {
        // GIVEN one of three messages delivered, two still queued, and a registered worker state
        sentTo("transcoder#3", 1, 2, 3);
        for (long id = 1; id <= 3; id++) {
            recorder.enqueued(id, id, "main", "transcoder#3", (int) id);
        }
        recorder.delivered(1, 1, "main", "transcoder#3");
        recorder.log.writer().register(new FakeWorkerState("transcoder#3"));

        // WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.endpoint("transcoder#3")).within(SHORT).receivedExactly(3).check())
                .hasMessageStartingWith("Expecting `transcoder#3` to receive exactly 3 messages within 100 ms but it "
                        + "received 1:\n"
                        + "  - message 1 main -> transcoder#3 (seq 1)\n"
                        + "Still not true after waiting 100 ms. State at timeout (7 events):\n"
                        + "  messages: sent 3, delivered 1, lost 0, duplicated 0, unexpected 0, pending 2\n")
                .hasMessageContaining("    `transcoder#3`: depth 2, high-water mark 3 (enqueued 3, delivered 1, "
                        + "dropped 0)\n")
                .hasMessageContaining(FakeWorkerState.STACK.replace("\n", "\n      "))
                .hasMessageEndingWith("  diagnosis at `transcoder#3`:\n"
                        + "    PENDING at `transcoder#3`: 2 messages to `transcoder#3` were still queued (2 of 2) while "
                        + "`transcoder#3` was consuming: its consumer had not taken them yet (it is slow, blocked or "
                        + "stopped). Fix: wait for them with within(...) or handled(n), and check the thread stacks in "
                        + "the timeout's state for a blocked listener.");
    }

    @Test
    void receivedExactlyFailsWithoutWaitingWhenExceeded() {
        // GIVEN four deliveries already
        for (long id = 1; id <= 4; id++) {
            recorder.roundTrip(id, id, "main", "transcoder#3");
        }

        // WHEN / THEN the failure is settled: no timeout state, although the timeout is long
        assertThatThrownBy(() -> assertThat(recorder.endpoint("transcoder#3")).within(LONG).receivedExactly(3).check())
                .hasMessage("Expecting `transcoder#3` to receive exactly 3 messages within 10 s but it received 4:\n"
                        + "  - message 1 main -> transcoder#3 (seq 1)\n"
                        + "  - message 2 main -> transcoder#3 (seq 2)\n"
                        + "  - message 3 main -> transcoder#3 (seq 3)\n"
                        + "  - message 4 main -> transcoder#3 (seq 4)\n"
                        + "Stopped waiting before the 10 s timeout: the recorded facts already make this final.");
    }

    @Test
    void receivedAtLeastPassesWithMoreAndCountsOnlyItsReceiver() {
        // GIVEN four deliveries to transcoder#3, one to another worker
        for (long id = 1; id <= 4; id++) {
            recorder.roundTrip(id, id, "main", "transcoder#3");
        }
        recorder.roundTrip(5, 1, "main", "other#4");

        // WHEN / THEN
        assertThatCode(() -> assertThat(recorder.endpoint("transcoder#3")).within(SHORT).receivedAtLeast(3).check())
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(recorder.endpoint("other#4")).within(SHORT).receivedAtLeast(2).check())
                .hasMessageStartingWith("Expecting `other#4` to receive at least 2 messages within 100 ms but it "
                        + "received 1:\n  - message 5 main -> other#4 (seq 1)\nStill not true after waiting 100 ms.");
    }

    @Test
    void receivesNothingForPassesOnSilenceOverTheWholeWindow() {
        // GIVEN a delivery before the window and one to another receiver
        recorder.roundTrip(1, 1, "main", "transcoder#3");
        recorder.sent(2, 1, "main", "other#4");

        // WHEN / THEN
        assertThatCode(() -> assertThat(recorder.endpoint("transcoder#3")).receivesNothingFor(Duration.ofMillis(50)).check())
                .doesNotThrowAnyException();
    }

    @Test
    void receivesNothingForFailsWhenADeliveryArrivesInTheWindow() throws Exception {
        // GIVEN a message delivered by another thread once the test thread waits inside the window (so the
        // delivery cannot land before the window opens)
        sentTo("transcoder#3", 7);
        Thread tester = Thread.currentThread();
        Future<?> delivery = deliverLater(7, 7);

        // WHEN the window opens and the delivery is released
        CompletableFuture<Void> gate = CompletableFuture.runAsync(() -> {
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> tester.getState() == Thread.State.TIMED_WAITING);
            go.countDown();
        });
        Throwable failure = catchThrowable(
                () -> assertThat(recorder.endpoint("transcoder#3")).receivesNothingFor(LONG).check());

        // THEN
        gate.get(10, TimeUnit.SECONDS);
        delivery.get(10, TimeUnit.SECONDS);
        assertThat(failure).hasMessage("Expecting `transcoder#3` to receive nothing for 10 s but it received 1 message "
                + "within that window:\n  - message 7 main -> transcoder#3 (seq 7)");
    }

    @Test
    void interruptedWaitFailsWithTheStateAndKeepsTheInterrupt() {
        // GIVEN a message in flight and an interrupted test thread
        sentTo("transcoder#3", 1);
        Thread.currentThread().interrupt();

        // WHEN
        Throwable failure = catchThrowable(
                () -> assertThat(recorder.endpoint("transcoder#3")).within(LONG).receivedExactly(1).check());

        // THEN
        assertThat(Thread.interrupted()).as("interrupt flag kept").isTrue();
        assertThat(failure).hasMessageContaining("Interrupted while waiting up to 10 s. State at timeout");
    }

    @Test
    void nonPositiveTimeoutsAreRejected() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> assertThat(recorder.log).within(Duration.ZERO).check())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("within(timeout) must be positive, got 0 ms");
        assertThatThrownBy(() -> assertThat(recorder.endpoint("w#1")).receivesNothingFor(Duration.ofMillis(-5)).check())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("receivesNothingFor(window) must be positive, got -5 ms");
    }
}
