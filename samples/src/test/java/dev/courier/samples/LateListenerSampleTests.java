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
import dev.courier.junit.CourierTest;
import dev.courier.junit.Workers;
import dev.courier.sim.ManualClock;
import dev.courier.worker.ListenerPolicy;
import dev.courier.worker.TransferableBuffer;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerContext;
import dev.courier.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A transcoding worker gets its job config at start and the raw video buffer by {@code postMessage}. A new
 * dependency made the script await its codec library ("top-level await") before it registered its
 * {@code 'message'} listener, so under drop-when-no-listener semantics the video buffer arrived to nobody
 * and the job timed out (seed failure mode: late listener). Fix: register the listener synchronously at the
 * top of the script; Node's default policy (QUEUE_UNTIL_STARTED) would also have kept the buffer queued.
 */
@CourierTest
class LateListenerSampleTests {

    private static final Duration CODEC_LOAD = Duration.ofMillis(40);
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final TranscodeConfig CONFIG = new TranscodeConfig("720p", "h264");

    /** The job config the worker gets as workerData. */
    record TranscodeConfig(String resolution, String codec) {
    }

    @Test
    void videoBufferPostedBeforeTheLateListenerIsDroppedAndDiagnosedAsLateListener(Workers workers) throws Exception {
        // GIVEN a transcoder that loads its codec library (a timer on a manual clock) before it listens,
        // on a port that drops messages while no listener is attached
        ManualClock clock = new ManualClock();
        CompletableFuture<Object> result = new CompletableFuture<>();
        Worker transcoder = startLateListener(workers, clock, ListenerPolicy.DROP_WHEN_NO_LISTENER, result);
        DeliveryLog log = workers.log();
        // WHEN main posts the video buffer while the library is still loading, and loading then finishes
        TransferableBuffer video = TransferableBuffer.wrap(new byte[4096]);
        transcoder.postMessage(video, List.of(video));
        await(log, snapshot -> countDropped(snapshot, DropCause.NO_LISTENER) == 1);
        clock.advance(CODEC_LOAD);
        await(log, snapshot -> listenerAdded(snapshot, transcoder.label()));
        // THEN the buffer was dropped (NO_LISTENER), never answered, and Courier says why
        assertThat(result).isNotDone();
        assertThatThrownBy(() -> CourierAssertions.assertThat(log).hasNoLostMessages().check())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("NO_LISTENER")
                .hasMessageContaining("registered its message listener");
        assertThat(Checks.diagnose(log).ofKind(AnomalyKind.LATE_LISTENER)).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.endpoint()).isEqualTo(transcoder.label());
            // the log is stamped in real time, so the delay is whatever the test took to advance the clock
            assertThat(anomaly.explanation()).matches("1 message to worker `" + transcoder.label()
                    + "` was dropped \\(NO_LISTENER\\) because it registered its message listener [0-9.]+ ms after "
                    + "it started; register listeners synchronously at the top of the script");
            assertThat(anomaly.fix()).startsWith("register the 'message' listener synchronously at the top "
                    + "of the worker script, before any asynchronous setup");
        });
    }

    @Test
    void listenerRegisteredAtTheTopOfTheScriptReceivesTheVideoBuffer(Workers workers) throws Exception {
        // GIVEN the same transcoder, but registering its listener first and loading the library after
        ManualClock clock = new ManualClock();
        CompletableFuture<Object> result = new CompletableFuture<>();
        Worker transcoder = workers.start(ctx -> {
            listenForVideo(ctx);
            ctx.setTimeout(() -> { }, CODEC_LOAD);
        }, options(workers, clock, ListenerPolicy.DROP_WHEN_NO_LISTENER));
        transcoder.onMessage(reply -> result.complete(reply.data()));
        // WHEN main posts the video buffer right after start
        TransferableBuffer video = TransferableBuffer.wrap(new byte[4096]);
        transcoder.postMessage(video, List.of(video));
        // THEN the transcoder answers, and the history has nothing to diagnose
        assertThat(result.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("transcoded 4096 bytes to 720p h264");
        transcoder.close();
        CourierAssertions.assertThat(workers.log()).hasNoLostMessages().hasNoAnomalies().check();
    }

    @Test
    void defaultQueueUntilStartedPolicyKeepsTheBufferUntilTheLateListenerArrives(Workers workers) throws Exception {
        // GIVEN the original late-listening transcoder under Node's default policy
        ManualClock clock = new ManualClock();
        CompletableFuture<Object> result = new CompletableFuture<>();
        Worker transcoder = startLateListener(workers, clock, ListenerPolicy.QUEUE_UNTIL_STARTED, result);
        // WHEN the buffer is posted while the library loads, and loading then finishes
        TransferableBuffer video = TransferableBuffer.wrap(new byte[4096]);
        transcoder.postMessage(video, List.of(video));
        await(workers.log(), snapshot -> snapshot.count(EventKind.ENQUEUED) == 1);
        clock.advance(CODEC_LOAD);
        // THEN the buffer waited in the queue and was transcoded
        assertThat(result.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("transcoded 4096 bytes to 720p h264");
        transcoder.close();
        CourierAssertions.assertThat(workers.log()).hasNoLostMessages().hasNoAnomalies().check();
    }

    private static void listenForVideo(WorkerContext ctx) {
        TranscodeConfig config = ctx.workerData(TranscodeConfig.class);
        ctx.parentPort().onMessage(event -> ctx.parentPort().postMessage("transcoded "
                + event.data(TransferableBuffer.class).byteLength() + " bytes to " + config.resolution() + " "
                + config.codec()));
    }

    // The seed's transcoder: its script arms the codec-load timer and only then listens; returns once the
    // script ran, with main's reply listener completing {@code result}.
    private static Worker startLateListener(Workers workers, ManualClock clock, ListenerPolicy policy,
                                            CompletableFuture<Object> result) throws InterruptedException {
        CountDownLatch loading = new CountDownLatch(1);
        Worker transcoder = workers.start(ctx -> {
            ctx.setTimeout(() -> listenForVideo(ctx), CODEC_LOAD);
            loading.countDown();
        }, options(workers, clock, policy));
        transcoder.onMessage(reply -> result.complete(reply.data()));
        assertThat(loading.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("script started").isTrue();
        return transcoder;
    }

    private static WorkerOptions options(Workers workers, ManualClock clock, ListenerPolicy policy) {
        return workers.options().name("transcoder").workerData(CONFIG).listenerPolicy(policy).scheduler(clock);
    }

    private static long countDropped(HistorySnapshot snapshot, DropCause cause) {
        return snapshot.select().kind(EventKind.DROPPED).cause(cause).count();
    }

    private static boolean listenerAdded(HistorySnapshot snapshot, String endpoint) {
        return snapshot.select().kind(EventKind.LISTENER_ADDED).at(endpoint).first().isPresent();
    }

    private static void await(DeliveryLog log, Predicate<HistorySnapshot> condition) throws InterruptedException {
        assertThat(log.await(condition, BOUND)).as("history reached the expected state within %s:%n%s", BOUND,
                log.events()).isTrue();
    }
}
