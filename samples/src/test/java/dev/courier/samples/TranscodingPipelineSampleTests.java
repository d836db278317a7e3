package dev.courier.samples;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.AnomalyKind;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.junit.CourierTest;
import dev.courier.junit.DeliveryOptions;
import dev.courier.junit.PolicyChoice;
import dev.courier.junit.Workers;
import dev.courier.sim.ManualClock;
import dev.courier.worker.MessagePort.MessageEvent;
import dev.courier.worker.TransferableBuffer;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * The video pipeline of the incident write-up: one transcoder worker per job gets a config message, then
 * the raw video as a transferred buffer, and answers with a checksum. After a dependency made the worker's
 * setup asynchronous, its frame listener came late and the buffer was dropped on arrival, with nothing
 * logged and the sender's buffer already detached (event-emitter semantics, DROP_WHEN_NO_LISTENER). The
 * fix: register the listener synchronously at the top of the script and hold frames until setup is done.
 */
@CourierTest
@DeliveryOptions(listenerPolicy = PolicyChoice.DROP_WHEN_NO_LISTENER)
class TranscodingPipelineSampleTests {

    private static final Duration SETUP = Duration.ofMillis(30);
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final int VIDEO_BYTES = 1024 * 1024;

    /** The first message of a job. */
    record Config(String jobId, String codec, int height) {
    }

    /** The second message: the raw video, moved rather than copied. */
    record Video(String jobId, TransferableBuffer frames) {
    }

    /** The answer. */
    record Transcoded(String jobId, long checksum, int bytes) {
    }

    @Test
    void aFrameListenerRegisteredAfterAsyncSetupLosesTheVideoBuffer(Workers workers, DeliveryLog log)
            throws Exception {
        // GIVEN a transcoder that handles the config, then loads its codec asynchronously and only then
        // listens for the video (the timer stands in for the dependency's top-level await)
        ManualClock clock = new ManualClock();
        Worker transcoder = workers.start(ctx -> ctx.parentPort().onMessage(new Consumer<>() {
            @Override
            public void accept(MessageEvent config) {
                ctx.parentPort().removeMessageListener(this);
                ctx.setTimeout(() -> ctx.parentPort().onMessage(video -> answer(ctx, video)), SETUP);
            }
        }), workers.options().name("transcoder").scheduler(clock));
        TransferableBuffer video = TransferableBuffer.wrap(randomVideo(1));

        // WHEN main posts the config, then the video while the codec is still loading
        transcoder.postMessage(new Config("job-1", "h264", 720));
        assertThat(transcoder).within(BOUND).receivedExactly(1).check();
        transcoder.postMessage(new Video("job-1", video), List.of(video));
        assertThat(log).within(BOUND).hasLostMessagesWithCause(DropCause.NO_LISTENER, 1).check();
        clock.advance(SETUP);

        // THEN the video was dropped on arrival, its buffer is gone from the sender too, and Courier says why
        assertThat(video.isDetached()).isTrue();
        assertThatThrownBy(() -> assertThat(log).hasNoLostMessages().check())
                .hasMessageContaining("dropped (NO_LISTENER) because it had no message listener when they arrived");
        assertThat(log).hasAnomaly(AnomalyKind.LATE_LISTENER).isAt(transcoder.label())
                .hasFixContaining("keep a 'message' listener registered while messages can arrive");
    }

    @Test
    void aListenerRegisteredAtTheTopDeliversEveryJobInOrderAndAnswersEach(Workers workers, DeliveryLog log)
            throws Exception {
        // GIVEN four transcoders whose listener is registered synchronously and holds the video until the
        // codec is loaded
        Map<String, CompletableFuture<Transcoded>> answers = new ConcurrentHashMap<>();
        List<Worker> transcoders = new ArrayList<>();
        for (int job = 1; job <= 4; job++) {
            Worker transcoder = workers.start(TranscodingPipelineSampleTests::bufferingTranscoder,
                    workers.options().name("transcoder"));
            transcoder.onMessage(event -> answers.computeIfAbsent(event.data(Transcoded.class).jobId(),
                    id -> new CompletableFuture<>()).complete(event.data(Transcoded.class)));
            transcoders.add(transcoder);
        }

        // WHEN each job gets its config and then a 1 MiB video, transferred
        List<TransferableBuffer> sent = new ArrayList<>();
        Map<String, Long> expected = new ConcurrentHashMap<>();
        for (int job = 1; job <= 4; job++) {
            String jobId = "job-" + job;
            byte[] raw = randomVideo(job);
            expected.put(jobId, checksum(raw));
            TransferableBuffer video = TransferableBuffer.wrap(raw);
            Worker transcoder = transcoders.get(job - 1);
            transcoder.postMessage(new Config(jobId, "h264", 720));
            transcoder.postMessage(new Video(jobId, video), List.of(video));
            sent.add(video);
        }

        // THEN every job is answered with the right checksum; config came before video; nothing was lost
        for (Map.Entry<String, Long> job : expected.entrySet()) {
            Transcoded answer = answers.computeIfAbsent(job.getKey(), id -> new CompletableFuture<>())
                    .get(BOUND.toNanos(), TimeUnit.NANOSECONDS);
            assertThat(answer.checksum()).as(job.getKey()).isEqualTo(job.getValue());
            assertThat(answer.bytes()).isEqualTo(VIDEO_BYTES);
        }
        assertThat(sent).allSatisfy(video -> assertThat(video.isDetached()).isTrue());
        for (Worker transcoder : transcoders) {
            assertThat(transcoder).within(BOUND).receivedExactly(2).check();
            transcoder.close();
        }
        assertThat(log).deliveredExactlyOnce().isInSendOrderPerSender().hasNoAnomalies()
                .latency().percentile(99).isLessThan(Duration.ofSeconds(2));
    }

    // The fixed script: one listener from the first line; videos wait in a list until the codec is loaded.
    private static void bufferingTranscoder(WorkerContext ctx) {
        List<MessageEvent> waiting = new ArrayList<>();
        boolean[] loaded = {false};
        ctx.parentPort().onMessage(event -> {
            if (event.data() instanceof Video && !loaded[0]) {
                waiting.add(event);
            } else if (event.data() instanceof Video) {
                answer(ctx, event);
            }
        });
        ctx.setImmediate(() -> {
            loaded[0] = true;
            waiting.forEach(video -> answer(ctx, video));
            waiting.clear();
        });
    }

    private static void answer(WorkerContext ctx, MessageEvent event) {
        Video video = event.data(Video.class);
        byte[] frames = video.frames().array();
        ctx.parentPort().postMessage(new Transcoded(video.jobId(), checksum(frames), frames.length));
    }

    private static byte[] randomVideo(long seed) {
        byte[] bytes = new byte[VIDEO_BYTES];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static long checksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
