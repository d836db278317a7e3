package dev.courier.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.clone.Codecs;
import dev.courier.clone.Difference;
import dev.courier.clone.DifferenceKind;
import dev.courier.clone.Fidelity;
import dev.courier.clone.MessageCodec;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.PayloadComparator;
import dev.courier.junit.CourierTest;
import dev.courier.junit.Workers;
import dev.courier.worker.Worker;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A worker reports a failed upload to main by posting the exception. In Node only part of an Error
 * survives a structured clone (a custom subclass arrives as a plain Error), and a JSON fallback keeps even
 * less (seed failure mode: errors partially cloned). Courier's structured clone keeps the class, message,
 * cause, stack trace, suppressed exceptions and custom fields, which {@link Fidelity} confirms; through the
 * JSON-like codec main gets a map instead, and Fidelity names every loss.
 */
@CourierTest
class ThrowableAcrossWorkersSampleTests {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final PayloadComparator STRUCTURAL = PayloadComparator.fidelity();

    /** A custom exception with a field of its own. */
    static final class QuotaExceededException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int quotaMb;

        QuotaExceededException(String message, Throwable cause, int quotaMb) {
            super(message, cause);
            this.quotaMb = quotaMb;
        }

        int quotaMb() {
            return quotaMb;
        }
    }

    private static QuotaExceededException failure() {
        QuotaExceededException failure = new QuotaExceededException("upload of video-9 exceeds the quota",
                new IOException("disk full"), 512);
        failure.addSuppressed(new IllegalStateException("temp file not deleted"));
        return failure;
    }

    @Test
    void exceptionPostedByAWorkerArrivesWithClassMessageCauseStackSuppressedAndFields(Workers workers)
            throws Exception {
        // GIVEN an uploader worker that posts the exception its upload failed with
        AtomicReference<QuotaExceededException> original = new AtomicReference<>();
        CompletableFuture<Object> reported = new CompletableFuture<>();
        Worker uploader = startUploader(workers, Codecs.structuredClone(), original, reported);
        // WHEN main asks it to upload and it fails
        uploader.postMessage("video-9");
        Object received = reported.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        // THEN main gets an equivalent exception, not the worker's object
        QuotaExceededException sent = original.get();
        assertThat(received).isInstanceOf(QuotaExceededException.class).isNotSameAs(sent);
        QuotaExceededException copy = (QuotaExceededException) received;
        assertThat(copy).hasMessage("upload of video-9 exceeds the quota")
                .hasCauseInstanceOf(IOException.class).cause().hasMessage("disk full");
        assertThat(copy.quotaMb()).isEqualTo(512);
        assertThat(copy.getStackTrace()).containsExactly(sent.getStackTrace());
        assertThat(copy.getSuppressed()).singleElement()
                .satisfies(suppressed -> assertThat(suppressed).isInstanceOf(IllegalStateException.class)
                        .hasMessage("temp file not deleted"));
        // and Fidelity finds no difference at all
        assertThat(Fidelity.compare(sent, copy)).isEmpty();
        uploader.close();
        assertThat(Checks.diagnose(workers.log().snapshot(), STRUCTURAL).ofKind(AnomalyKind.FIDELITY)).isEmpty();
    }

    @Test
    void exceptionPostedThroughTheJsonLikeCodecArrivesAsAMapAndFidelityNamesTheLosses(Workers workers)
            throws Exception {
        // GIVEN the same uploader on a JSON-like codec
        AtomicReference<QuotaExceededException> original = new AtomicReference<>();
        CompletableFuture<Object> reported = new CompletableFuture<>();
        Worker uploader = startUploader(workers, Codecs.jsonLike(), original, reported);
        // WHEN the upload fails and the worker posts the exception
        uploader.postMessage("video-9");
        Object received = reported.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        // THEN main gets a map: nothing to catch, rethrow or inspect by type
        assertThat(received).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) received;
        assertThat(map.get("message")).isEqualTo("upload of video-9 exceeds the quota");
        assertThat(map.get("quotaMb")).isEqualTo(512.0);
        // and Fidelity names what was lost, with paths
        List<Difference> differences = Fidelity.compare(original.get(), received);
        assertThat(differences).filteredOn(d -> d.kind() == DifferenceKind.TYPE_CHANGED)
                .extracting(Difference::toString)
                .contains("$: TYPE_CHANGED expected " + QuotaExceededException.class.getName()
                                + " but was java.util.LinkedHashMap",
                        "$.stackTrace[0]: TYPE_CHANGED expected java.lang.StackTraceElement but was java.lang.String",
                        "$.cause: TYPE_CHANGED expected java.io.IOException but was java.util.LinkedHashMap",
                        "$.suppressed[0]: TYPE_CHANGED expected java.lang.IllegalStateException but was "
                                + "java.util.LinkedHashMap",
                        "$.quotaMb: TYPE_CHANGED expected java.lang.Integer but was java.lang.Double");
        uploader.close();
        assertThat(Checks.diagnose(workers.log().snapshot(), STRUCTURAL).ofKind(AnomalyKind.FIDELITY))
                .singleElement().satisfies(anomaly -> assertThat(anomaly.explanation())
                        .startsWith("1 message delivered to `main` differed from what was sent")
                        .contains("$: TYPE_CHANGED expected " + QuotaExceededException.class.getName()));
    }

    // The worker keeps its original in `original` only so the test can compare; main sees just the message.
    private static Worker startUploader(Workers workers, MessageCodec codec,
                                        AtomicReference<QuotaExceededException> original,
                                        CompletableFuture<Object> reported) {
        Worker uploader = workers.start(ctx -> ctx.parentPort().onMessage(e -> {
            QuotaExceededException failure = failure();
            original.set(failure);
            ctx.parentPort().postMessage(failure);
        }), workers.options().name("uploader").codec(codec).retainPayloads(true));
        uploader.onMessage(e -> reported.complete(e.data()));
        return uploader;
    }
}
