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
import dev.courier.junit.ExpectDeliveryFaults;
import dev.courier.junit.Workers;
import dev.courier.worker.MessagePort.MessageEvent;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A frame decoder worker throws on a corrupt frame. The exception escapes its message listener, so the
 * worker crashes (exit code 1) and every frame queued behind the bad one is dropped; the sender only sees
 * an error event, not which frames vanished (seed failure mode: worker crash with messages queued). Courier
 * records them as DROPPED (WORKER_EXITED) and diagnoses CRASHED_WITH_QUEUED naming the exception. Fix:
 * catch the exception inside the listener and reply with an error, so one bad frame costs one frame.
 */
@CourierTest
class WorkerCrashSampleTests {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final List<String> FRAMES = List.of("frame-1:corrupt", "frame-2", "frame-3", "frame-4");

    @Test
    @ExpectDeliveryFaults(AnomalyKind.WORKER_ERROR)
    void exceptionEscapingTheListenerCrashesTheWorkerAndDropsTheQueuedFrames(Workers workers) throws Exception {
        // GIVEN a decoder that throws on a corrupt frame, holding the first frame until all four are queued
        CountDownLatch allQueued = new CountDownLatch(1);
        CompletableFuture<Throwable> reportedError = new CompletableFuture<>();
        CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        Worker decoder = workers.start("decoder", ctx -> ctx.parentPort().onMessage(e -> {
            awaitFirstFrame(e, allQueued);
            ctx.parentPort().postMessage(decode(e.data(String.class)));
        }));
        decoder.onError(reportedError::complete).onExit(exitCode::complete);
        DeliveryLog log = workers.log();
        // WHEN the four frames are posted and the corrupt one is decoded
        FRAMES.forEach(decoder::postMessage);
        await(log, s -> s.count(EventKind.DELIVERED) == 1 && s.count(EventKind.ENQUEUED) == FRAMES.size());
        allQueued.countDown();
        // THEN the error reaches main, the worker exits with code 1 and the three queued frames are lost
        assertThat(reportedError.get(BOUND.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot decode frame-1:corrupt");
        assertThat(exitCode.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(Checks.delivery(log).lost()).hasSize(3)
                .allSatisfy(lost -> assertThat(lost.cause()).isEqualTo(DropCause.WORKER_EXITED))
                .extracting(LostMessage::sequence).containsExactly(2L, 3L, 4L);
        assertThatThrownBy(() -> CourierAssertions.assertThat(log).hasNoLostMessages().check())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CRASHED_WITH_QUEUED")
                .hasMessageContaining("cannot decode frame-1:corrupt");
        CourierAssertions.assertThat(log).hasWorkerErrors(1).hasLostMessagesWithCause(DropCause.WORKER_EXITED, 3).check();
        // and Courier explains the loss by the crash
        assertThat(Checks.diagnose(log).ofKind(AnomalyKind.CRASHED_WITH_QUEUED)).singleElement()
                .satisfies(anomaly -> {
                    assertThat(anomaly.explanation()).isEqualTo("worker `" + decoder.label() + "` crashed with "
                            + "java.lang.IllegalArgumentException: cannot decode frame-1:corrupt thrown in its "
                            + "message listener with 3 messages queued; they were dropped (WORKER_EXITED)");
                    assertThat(anomaly.fix()).startsWith("keep every message until it is acknowledged");
                });
        // and the exception itself is named, with how to stop the crash
        assertThat(Checks.diagnose(log).ofKind(AnomalyKind.WORKER_ERROR)).singleElement()
                .satisfies(anomaly -> assertThat(anomaly.fix()).startsWith("handle the exception where it is thrown"));
    }

    @Test
    void listenerThatCatchesTheExceptionRejectsOneFrameAndDecodesTheRest(Workers workers) throws Exception {
        // GIVEN a decoder that catches a decoding failure and replies with an error instead
        CountDownLatch allQueued = new CountDownLatch(1);
        List<Object> replies = new CopyOnWriteArrayList<>();
        Worker decoder = workers.start("decoder", ctx -> ctx.parentPort().onMessage(e -> {
            awaitFirstFrame(e, allQueued);
            decodeSafely(ctx, e.data(String.class));
        }));
        decoder.onMessage(e -> replies.add(e.data()));
        DeliveryLog log = workers.log();
        // WHEN the same four frames are posted
        FRAMES.forEach(decoder::postMessage);
        await(log, s -> s.count(EventKind.DELIVERED) == 1 && s.count(EventKind.ENQUEUED) == FRAMES.size());
        allQueued.countDown();
        await(log, s -> s.count(EventKind.HANDLED) == 2 * FRAMES.size());
        decoder.close();
        // THEN one frame is rejected, three are decoded, the worker never crashed and nothing was lost
        assertThat(replies).containsExactly("rejected frame-1:corrupt: cannot decode frame-1:corrupt",
                "decoded frame-2", "decoded frame-3", "decoded frame-4");
        CourierAssertions.assertThat(log).hasNoWorkerErrors().deliveredExactlyOnce().hasNoAnomalies().check();
    }

    private static String decode(String frame) {
        if (frame.endsWith(":corrupt")) {
            throw new IllegalArgumentException("cannot decode " + frame);
        }
        return "decoded " + frame;
    }

    private static void decodeSafely(WorkerContext ctx, String frame) {
        try {
            ctx.parentPort().postMessage(decode(frame));
        } catch (IllegalArgumentException corrupt) {
            ctx.parentPort().postMessage("rejected " + frame + ": " + corrupt.getMessage());
        }
    }

    // Holds the first frame until main has queued all of them, so the crash happens with frames queued.
    private static void awaitFirstFrame(MessageEvent event, CountDownLatch allQueued) {
        if (event.sequence() != 1) {
            return;
        }
        try {
            allQueued.await(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(DeliveryLog log, Predicate<HistorySnapshot> condition) throws InterruptedException {
        assertThat(log.await(condition, BOUND)).as("history reached the expected state within %s:%n%s", BOUND,
                log.events()).isTrue();
    }
}
