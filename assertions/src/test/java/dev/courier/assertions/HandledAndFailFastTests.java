package dev.courier.assertions;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.courier.clone.Codecs;
import dev.courier.clone.DataCloneException;
import dev.courier.history.DeliveryLog;
import dev.courier.worker.ListenerPolicy;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(UnscaledTimeouts.class)
class HandledAndFailFastTests {

    private static final Duration LONG = Duration.ofSeconds(5);
    /** Generous: a final verdict must not wait out the 5 s timeout; this is a behaviour, not a benchmark. */
    private static final long WELL_UNDER_THE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final DeliveryLog log = DeliveryLog.create();

    @RepeatedTest(100)
    void aCheckAfterHandledNeverSeesAHalfFinishedListener() {
        // GIVEN a worker whose listener updates a plain counter as its last step
        int[] plain = new int[1];
        try (Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> plain[0]++),
                WorkerOptions.defaults().name("counter").log(log))) {
            for (int i = 0; i < 3; i++) {
                worker.postMessage(i);
            }

            // WHEN the test waits for the listeners to have returned
            assertThat(worker).within(LONG).handled(3).check();

            // THEN every listener's effect is visible and the history is clean mid-test, worker still running
            assertThat(plain[0]).isEqualTo(3);
            assertThat(log).handledExactlyOnce().hasNoAnomalies().check();
        }
    }

    @Test
    void receivedCountsTheListenerCallWhileHandledWaitsForItsReturn() throws Exception {
        // GIVEN a listener that blocks until released
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger done = new AtomicInteger();
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
            done.incrementAndGet();
        }), WorkerOptions.defaults().name("slow").log(log));
        try {
            worker.postMessage("job");

            // WHEN / THEN delivered: yes; handled: not while the listener runs
            assertThat(worker).within(LONG).receivedExactly(1).check();
            assertThatThrownBy(() -> assertThat(worker).handled(1).check())
                    .hasMessageStartingWith("Expecting `" + worker.label() + "` to have handled exactly 1 message but "
                            + "it handled 0:");
            assertThatThrownBy(() -> assertThat(log).handledExactlyOnce().check())
                    .hasMessageContaining("delivered, its listener has not returned yet");
            release.countDown();
            assertThat(worker).within(LONG).handledExactlyOnce().check();
            assertThat(done).hasValue(1);
        } finally {
            release.countDown();
            worker.terminate().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMessageThatFailedToDecodeIsNotDeliveredExactlyOnce() {
        // GIVEN a codec whose decoder refuses "bad", and a worker with a messageerror listener
        try (Worker worker = Worker.start(ctx -> {
            ctx.parentPort().onMessage(e -> { });
            ctx.parentPort().onMessageError(e -> { });
        }, WorkerOptions.defaults().name("decoder").log(log).codec(Codecs.of("picky", value -> value, wire -> {
            if ("bad".equals(wire)) {
                throw new IllegalArgumentException("cannot decode " + wire);
            }
            return wire;
        })))) {
            worker.postMessage("good");
            worker.postMessage("bad");

            // WHEN / THEN the wait ends at once: the decode failure is final
            long started = System.nanoTime();
            Throwable failure = catchThrowable(() -> assertThat(log).within(LONG).deliveredExactlyOnce().check());
            assertThat(System.nanoTime() - started).isLessThan(WELL_UNDER_THE_TIMEOUT_NANOS);
            assertThat(failure).hasMessageStartingWith("Expecting each of the 2 sent messages to be delivered exactly "
                    + "once with nothing in flight but 0 lost, 0 duplicated, 0 unexpected, 0 pending, 1 undecoded:")
                    .hasMessageContaining("taken off the queue but could not be decoded (messageerror: "
                            + "java.lang.IllegalArgumentException: cannot decode bad), so no listener saw it");
            assertThat(worker).within(LONG).receivedExactly(1).check();
        }
    }

    @Test
    void aCrashEndsAFailingWaitAtOnceWithTheDiagnosis() {
        // GIVEN a worker whose listener throws on the first message, with two more queued behind it
        CountDownLatch queued = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> {
            try {
                queued.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("boom");
        }), WorkerOptions.defaults().name("fragile").log(log));
        worker.postMessage(1);
        worker.postMessage(2);
        worker.postMessage(3);
        queued.countDown();

        // WHEN the test waits 5 s for three handled messages
        long started = System.nanoTime();
        Throwable failure = catchThrowable(() -> assertThat(worker).within(LONG).handled(3).check());

        // THEN it fails well under a second, naming the crash first
        assertThat(System.nanoTime() - started).isLessThan(WELL_UNDER_THE_TIMEOUT_NANOS);
        assertThat(failure).hasMessageStartingWith("Expecting `" + worker.label() + "` to handle exactly 3 messages "
                + "within 5 s but it handled 0, and no more can arrive: `" + worker.label() + "` crashed (WORKER_ERROR)")
                .hasMessageContaining("CRASHED_WITH_QUEUED at `" + worker.label() + "`")
                .hasMessageContaining("WORKER_ERROR at `" + worker.label() + "`: worker `" + worker.label() + "` had an "
                        + "uncaught java.lang.IllegalStateException: boom")
                .hasMessageContaining("Stopped waiting before the 5 s timeout");
    }

    @Test
    void aFinalDropEndsAFailingWaitAtOnce() throws Exception {
        // GIVEN a hot worker kept alive by a timer that never listens: each message is dropped (NO_LISTENER)
        Worker worker = Worker.start(ctx -> ctx.setTimeout(() -> { }, Duration.ofSeconds(30)), WorkerOptions.defaults().name("deaf").log(log)
                .listenerPolicy(ListenerPolicy.DROP_WHEN_NO_LISTENER));
        try {
            worker.postMessage("lost");

            // WHEN / THEN both the log wait and the endpoint wait end at once
            long started = System.nanoTime();
            Throwable logFailure = catchThrowable(() -> assertThat(log).within(LONG).deliveredExactlyOnce().check());
            Throwable endpointFailure = catchThrowable(() -> assertThat(worker).within(LONG).receivedExactly(1)
                    .check());
            assertThat(System.nanoTime() - started).isLessThan(2 * WELL_UNDER_THE_TIMEOUT_NANOS);
            assertThat(logFailure).hasMessageStartingWith("Expecting the 1 sent message to be delivered exactly once "
                    + "with nothing in flight but 1 lost,").hasMessageContaining("LATE_LISTENER");
            assertThat(endpointFailure).hasMessageContaining("and no more can arrive: 1 message meant for it was "
                    + "dropped and none is in flight");
        } finally {
            worker.terminate().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCloneFailureOfACountedMessageEndsTheWaitAtOnce() {
        // GIVEN one good message and one that cannot be cloned
        try (Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { }),
                WorkerOptions.defaults().name("sink").log(log))) {
            worker.postMessage("good");
            Runnable callback = () -> { };
            assertThat(catchThrowable(() -> worker.postMessage(callback))).isInstanceOf(DataCloneException.class);
            assertThat(worker).within(LONG).receivedExactly(1).check();

            // WHEN / THEN waiting for both ends at once
            long started = System.nanoTime();
            Throwable failure = catchThrowable(() -> assertThat(worker).within(LONG).receivedExactly(2).check());
            assertThat(System.nanoTime() - started).isLessThan(WELL_UNDER_THE_TIMEOUT_NANOS);
            assertThat(failure).hasMessageContaining("it received 1, and no more can arrive: 1 message meant for it "
                    + "failed to clone and none is in flight");
        }
    }

    @Test
    void anExceededCountEndsTheWaitAtOnce() {
        // GIVEN three messages handled
        try (Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { }),
                WorkerOptions.defaults().name("sink").log(log))) {
            for (int i = 0; i < 3; i++) {
                worker.postMessage(i);
            }
            assertThat(worker).within(LONG).handled(3).check();

            // WHEN / THEN
            long started = System.nanoTime();
            Throwable failure = catchThrowable(() -> assertThat(worker).within(LONG).receivedExactly(2).check());
            assertThat(System.nanoTime() - started).isLessThan(WELL_UNDER_THE_TIMEOUT_NANOS);
            assertThat(failure).hasMessageStartingWith("Expecting `" + worker.label() + "` to receive exactly 2 "
                    + "messages within 5 s but it received 3:");
        }
    }
}
