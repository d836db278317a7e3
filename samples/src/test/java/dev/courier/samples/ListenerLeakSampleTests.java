package dev.courier.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.assertions.CourierAssertions;
import dev.courier.assertions.DeliveryEndpoint;
import dev.courier.history.AnomalyKind;
import dev.courier.history.DeliveryLog;
import dev.courier.junit.CourierTest;
import dev.courier.junit.Workers;
import dev.courier.worker.Worker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A client registers a result listener on the worker for every request it sends ({@code worker.on('message')}
 * inside the request handler). Listeners pile up, every result is handled by all of them, and Node only warns
 * with {@code MaxListenersExceededWarning} (seed failure mode: port listener leak). Courier records each
 * LISTENER_ADDED with the count and diagnoses LISTENER_LEAK above the threshold (10, like Node). Fix: one
 * listener, registered once, that routes each result to its request by id.
 */
@CourierTest
class ListenerLeakSampleTests {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final int REQUESTS = 12;

    @Test
    void aListenerAddedPerRequestLeaksAndHandlesEveryResultManyTimes(Workers workers) throws Exception {
        // GIVEN a resizer that answers each job, and a client that adds a result listener per request
        Worker resizer = workers.start("resizer", ctx -> ctx.parentPort().onMessage(e ->
                ctx.parentPort().postMessage("resized:" + e.data())));
        AtomicInteger callbacks = new AtomicInteger();
        DeliveryLog log = workers.log();

        // WHEN twelve requests are sent
        for (int job = 1; job <= REQUESTS; job++) {
            resizer.onMessage(e -> callbacks.incrementAndGet());
            resizer.postMessage("image-" + job);
        }
        CourierAssertions.assertThat(DeliveryEndpoint.of("main", log)).within(BOUND).receivedExactly(REQUESTS).check();
        resizer.close();

        // THEN result k ran at least k callbacks (78 at least, for 12 results), and Courier names the leak
        assertThat(callbacks.get()).isGreaterThanOrEqualTo(REQUESTS * (REQUESTS + 1) / 2);
        CourierAssertions.assertThat(log).hasAnomaly(AnomalyKind.LISTENER_LEAK).isAt("main")
                .hasExplanation("`main` had 12 'message' listeners (threshold 10): listeners are being added "
                        + "without being removed")
                .hasFixContaining("add the listener once, outside the per-message path");
        assertThatThrownBy(() -> CourierAssertions.assertThat(log).hasNoAnomalies().check())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LISTENER_LEAK at `main`");
    }

    @Test
    void oneListenerRoutingResultsByRequestHandlesEachResultOnce(Workers workers) throws Exception {
        // GIVEN a resizer that answers with the job id, and one listener that completes the matching request
        Worker resizer = workers.start("resizer", ctx -> ctx.parentPort().onMessage(e ->
                ctx.parentPort().postMessage(e.data())));
        Map<Object, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();
        AtomicInteger callbacks = new AtomicInteger();
        resizer.onMessage(e -> {
            callbacks.incrementAndGet();
            inFlight.get(e.data()).complete(e.data());
        });

        // WHEN twelve requests are sent
        for (int job = 1; job <= REQUESTS; job++) {
            String id = "image-" + job;
            inFlight.put(id, new CompletableFuture<>());
            resizer.postMessage(id);
        }
        for (CompletableFuture<Object> result : inFlight.values()) {
            result.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        }
        resizer.close();

        // THEN each result ran one callback, and the history is clean
        assertThat(callbacks.get()).isEqualTo(REQUESTS);
        CourierAssertions.assertThat(workers.log()).deliveredExactlyOnce().hasNoAnomalies().check();
    }
}
