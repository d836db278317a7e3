package dev.courier.samples;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.clone.Codecs;
import dev.courier.clone.MessageCodec;
import dev.courier.history.AnomalyKind;
import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import dev.courier.junit.CourierTest;
import dev.courier.junit.ExpectDeliveryFaults;
import dev.courier.junit.Workers;
import dev.courier.worker.MessageErrorEvent;
import dev.courier.worker.Worker;
import java.io.InvalidClassException;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A job carries a {@code java.net.URI} callback and crosses to the worker with Java serialization, whose
 * allowlist rejects {@code java.net} on the receiving side. In Node the decode failure fires
 * {@code messageerror}; with no listener for it the job silently never runs (seed failure mode "replace
 * 'message' with 'messageerror' to catch deserialization errors"). Courier records the failure as an
 * unhandled message error. The fix: register a {@code messageerror} listener, and allow the class.
 */
@CourierTest
class UnhandledMessageErrorSampleTests {

    private static final Duration BOUND = Duration.ofSeconds(10);

    /** The message: the receiving codec names this record; the URI inside it is not allowed by default. */
    record Job(String id, URI callback) implements Serializable {
    }

    private static final Job JOB = new Job("job-1", URI.create("https://example.org/done/job-1"));

    @Test
    @ExpectDeliveryFaults(AnomalyKind.UNHANDLED_MESSAGE_ERROR)
    void aDecodeFailureWithNoMessageErrorListenerIsRecordedAsUnhandledAndDiagnosed(Workers workers, DeliveryLog log)
            throws Exception {
        // GIVEN a worker that decodes with the default Java serialization allowlist and listens only for 'message'
        List<Object> jobs = new CopyOnWriteArrayList<>();
        Worker worker = startJobWorker(workers, Codecs.javaSerialization(Job.class), jobs, null);

        // WHEN main posts a job holding a URI
        worker.postMessage(JOB);
        awaitMessageErrors(log, 1);
        worker.close();

        // THEN the job never ran; the failure is recorded as UNHANDLED and diagnosed with the rejected class
        assertThat(jobs).isEmpty();
        DeliveryEvent error = events(log, EventKind.MESSAGE_ERROR).get(0);
        assertThat(error.outcome()).isEqualTo(Outcome.UNHANDLED);
        assertThat(error.error()).isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("java.net.URI; rejected by the Java serialization allowlist");
        assertThatThrownBy(() -> assertThat(log).hasNoMessageErrors().check())
                .hasMessageContaining("with no messageerror listener");
        assertThat(log).hasUnhandledMessageErrors(1).hasAnomaly(AnomalyKind.UNHANDLED_MESSAGE_ERROR)
                .isAt(worker.label())
                .hasExplanationContaining("1 decode failure at `" + worker.label() + "` with no messageerror listener;"
                        + " first: java.io.InvalidClassException: java.net.URI;")
                .hasFixContaining("register a messageerror listener on `" + worker.label() + "`");
    }

    @Test
    void aMessageErrorListenerHandlesTheFailureSoItIsNoLongerSilent(Workers workers, DeliveryLog log)
            throws Exception {
        // GIVEN the same worker, now with a 'messageerror' listener
        List<MessageErrorEvent> reported = new CopyOnWriteArrayList<>();
        Worker worker = startJobWorker(workers, Codecs.javaSerialization(Job.class), new CopyOnWriteArrayList<>(),
                reported);

        // WHEN main posts the same job
        worker.postMessage(JOB);
        awaitMessageErrors(log, 1);
        worker.close();

        // THEN the listener got the error; it is recorded HANDLED, which is informational, not a failure
        assertThat(reported).singleElement().satisfies(event -> assertThat(event.error())
                .hasMessageContaining("allow it on the receiving codec with Codecs.javaSerialization("
                        + "\"java.net.URI\")"));
        assertThat(events(log, EventKind.MESSAGE_ERROR)).extracting(DeliveryEvent::outcome)
                .containsExactly(Outcome.HANDLED);
        assertThat(log).hasUnhandledMessageErrors(0).hasNoAnomalies()
                .hasAnomaly(AnomalyKind.HANDLED_MESSAGE_ERROR)
                .hasExplanationContaining("reached its messageerror listener");
    }

    @Test
    void allowingTheClassLetsTheJobThrough(Workers workers, DeliveryLog log) throws Exception {
        // GIVEN a worker whose allowlist also admits java.net.URI, with a 'messageerror' listener kept as a guard
        List<Object> jobs = new CopyOnWriteArrayList<>();
        MessageCodec allowingUri = Codecs.javaSerialization(Job.class, URI.class);
        Worker worker = startJobWorker(workers, allowingUri, jobs, new CopyOnWriteArrayList<>());

        // WHEN main posts the job
        worker.postMessage(JOB);
        assertThat(log.await(s -> s.count(EventKind.HANDLED) == 1, BOUND)).as("job handled").isTrue();
        worker.close();

        // THEN it arrives intact, and there is no message error at all
        assertThat(jobs).containsExactly(JOB);
        assertThat(log).hasNoMessageErrors().deliveredExactlyOnce().hasNoAnomalies().check();
    }

    private static Worker startJobWorker(Workers workers, MessageCodec codec, List<Object> jobs,
                                         List<MessageErrorEvent> errorsOrNull) {
        return workers.start(ctx -> {
            ctx.parentPort().onMessage(event -> jobs.add(event.data()));
            if (errorsOrNull != null) {
                ctx.parentPort().onMessageError(errorsOrNull::add);
            }
        }, workers.options().name("jobs").codec(codec));
    }

    private static void awaitMessageErrors(DeliveryLog log, int count) throws InterruptedException {
        assertThat(log.await(s -> s.count(EventKind.MESSAGE_ERROR) == count, BOUND))
                .as("waited %s for %s message error(s); history:%n%s", BOUND, count, log.events()).isTrue();
    }

    private static List<DeliveryEvent> events(DeliveryLog log, EventKind kind) {
        return log.select().kind(kind).list();
    }
}
