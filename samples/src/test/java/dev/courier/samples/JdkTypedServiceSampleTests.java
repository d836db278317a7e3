package dev.courier.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.samples.QuoteService.PriceSource;
import dev.courier.samples.QuoteService.Quote;
import dev.courier.samples.QuoteService.QuoteRequest;
import dev.courier.tap.StageTap;
import dev.courier.tap.TapOptions;
import dev.courier.tap.Taps;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An unchanged service typed to {@code ThreadPoolExecutor}, {@code SubmissionPublisher} and
 * {@code CompletableFuture} ({@link QuoteService}) is given tapped JDK objects, and the whole service is
 * watched as one stage: a request goes in at {@code request(...)}, its quote comes out at the subscriber.
 * Two delivery bugs are caught and explained from recorded facts: a pool wired with DiscardPolicy drops
 * requests under a burst (and their futures never complete), and a pricing stage that throws makes its
 * quote vanish inside the CompletableFuture chain. The fixes: CallerRunsPolicy (backpressure on the
 * caller), and answering a failed request with a rejection.
 */
class JdkTypedServiceSampleTests {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final Set<AnomalyKind> ORDER = Set.of(AnomalyKind.PER_SENDER_ORDER_VIOLATED,
            AnomalyKind.KEY_ORDER_VIOLATED);

    private final DeliveryLog log = DeliveryLog.create();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor();
    private final StageTap<QuoteRequest, Quote> service = Taps.stage("quotes", log, QuoteRequest::id,
            Quote::requestId, QuoteRequest::symbol);
    private final List<Quote> book = new CopyOnWriteArrayList<>();
    private ThreadPoolExecutor pricing;
    private SubmissionPublisher<Quote> quotes;

    @AfterEach
    void stop() throws InterruptedException {
        quotes.close();
        pricing.shutdown();
        delivery.shutdown();
        assertThat(pricing.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(delivery.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /** Wires the service as production does, with tapped JDK objects, and a subscriber that books quotes. */
    private QuoteService wire(RejectedExecutionHandler policy, PriceSource prices) throws InterruptedException {
        pricing = Taps.threadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4), policy, log,
                "pricing");
        quotes = Taps.submissionPublisher(delivery, 256, log, TapOptions.defaults().name("quotes"));
        CountDownLatch subscribed = new CountDownLatch(1);
        quotes.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
                subscribed.countDown();
            }

            @Override
            public void onNext(Quote quote) {
                service.left(quote);
                book.add(quote);
            }

            @Override
            public void onError(Throwable error) {
            }

            @Override
            public void onComplete() {
            }
        });
        assertThat(subscribed.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return new QuoteService(pricing, quotes, prices);
    }

    private CompletableFuture<Void> send(QuoteRequest request, Function<QuoteRequest, CompletableFuture<Void>> call) {
        service.entered(request);
        return service.track(request, call.apply(request));
    }

    private static void settle(List<CompletableFuture<Void>> futures) throws Exception {
        for (CompletableFuture<Void> future : futures) {
            try {
                future.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException expected) {
                // a failed request: the stage tap recorded it
            }
        }
    }

    private List<DeliveryEvent> events(EventKind kind, String receiver) {
        return log.select().kind(kind).at(receiver).list();
    }

    @Test
    void aPoolWiredWithDiscardPolicyDropsABurstOfRequestsAndTheHistorySaysSo() throws Exception {
        // GIVEN the service on a one-thread pool with a queue of 4 and DiscardPolicy, its pricing held on the first request
        CountDownLatch firstPricing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        QuoteService quoteService = wire(new ThreadPoolExecutor.DiscardPolicy(), symbol -> {
            firstPricing.countDown();
            try {
                release.await(BOUND.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return BigDecimal.TEN;
        });

        // WHEN a burst of 10 requests arrives while the first is being priced
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        futures.add(send(new QuoteRequest(1, "ACME", 1), quoteService::request));
        assertThat(firstPricing.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        for (long id = 2; id <= 10; id++) {
            futures.add(send(new QuoteRequest(id, "ACME", 1), quoteService::request));
        }
        release.countDown();
        settle(futures.subList(0, 5));

        // THEN five quotes arrived; five requests were discarded by the pool, named with its policy and queue
        assertThat(log.await(s -> Checks.delivery(s).receiver("stage:quotes").ok() == 5, BOUND)).isTrue();
        assertThat(events(EventKind.DROPPED, "executor:pricing")).hasSize(5).allSatisfy(drop ->
                assertThat(drop.detail()).isEqualTo("discarded by DiscardPolicy, capacity 4, queue depth 4, "
                        + "1 of max 1 threads busy"));
        Anomaly overflow = Checks.diagnose(log).ofKind(AnomalyKind.OVERFLOW).get(0);
        assertThat(overflow.explanation()).startsWith("`executor:pricing` had no room for 5 tasks: its queue "
                + "(capacity 4) was full and every thread busy, so they were discarded by DiscardPolicy (OVERFLOW; "
                + "capacity 4, queue depth 4, 1 of max 1 threads busy)");
        assertThat(overflow.fix()).startsWith("DiscardPolicy drops a task silently when the queue is full: bound the "
                + "producer").contains("give the pool a queue bigger than 4, or use CallerRunsPolicy");
        assertThat(Checks.delivery(log).receiver("stage:quotes").pending()).isEqualTo(5);
        // AND the discarded requests' futures never complete: their callers would wait forever
        assertThat(futures.subList(5, 10)).noneMatch(CompletableFuture::isDone);
    }

    @Test
    void theFixCallerRunsPolicyPushesBackOnTheCallerAndEveryRequestIsQuotedOnce() throws Exception {
        // GIVEN the same service wired with CallerRunsPolicy
        QuoteService quoteService = wire(new ThreadPoolExecutor.CallerRunsPolicy(), symbol -> BigDecimal.TEN);

        // WHEN a burst of 50 requests arrives
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long id = 1; id <= 50; id++) {
            futures.add(send(new QuoteRequest(id, "SYM" + id % 3, 2), quoteService::request));
        }
        settle(futures);

        // THEN every request was quoted exactly once and nothing was dropped. (A request the caller ran itself
        // may overtake queued ones: CallerRunsPolicy trades order for backpressure, and Courier reports such an
        // overtaking as an order violation caused by the policy when it happens; a service that needs per-symbol
        // order needs one lane per symbol.)
        assertThat(log.await(s -> Checks.delivery(s).receiver("stage:quotes").ok() == 50, BOUND)).isTrue();
        assertThat(Checks.delivery(log).isClean()).isTrue();
        assertThat(Checks.diagnose(log).failures()).filteredOn(anomaly -> !ORDER.contains(anomaly.kind())).isEmpty();
        assertThat(Checks.diagnose(log).failures()).filteredOn(anomaly -> ORDER.contains(anomaly.kind()))
                .allSatisfy(order -> assertThat(order.explanation()).contains("run by CallerRunsPolicy on the "
                        + "submitting thread").contains("so this order comes from the rejection policy"));
    }

    @Test
    void aPricingStageThatThrowsLosesItsQuoteInsideTheFutureChainAndTheExceptionIsTheRecordedCause()
            throws Exception {
        // GIVEN the service with CallerRunsPolicy
        QuoteService quoteService = wire(new ThreadPoolExecutor.CallerRunsPolicy(), symbol -> BigDecimal.ONE);

        // WHEN five requests arrive and the third has quantity 0
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long id = 1; id <= 5; id++) {
            futures.add(send(new QuoteRequest(id, "ACME", id == 3 ? 0 : 1), quoteService::request));
        }
        settle(futures);

        // THEN four quotes arrived, and request 3 is lost with the exception its stage threw, not left pending
        assertThat(log.await(s -> Checks.delivery(s).receiver("stage:quotes").ok() == 4, BOUND)).isTrue();
        assertThat(Checks.delivery(log).receiver("stage:quotes").pending()).isZero();
        assertThat(Checks.diagnose(log).failures().get(0).toString()).startsWith("STAGE_FAILED at `stage:quotes`: 1 "
                + "message to `stage:quotes` was never delivered because the stage carrying it threw: stage `quotes` "
                + "threw java.lang.IllegalArgumentException: quantity must be positive, got 0 while handling it");
        assertThat(events(EventKind.DROPPED, "stage:quotes")).singleElement().satisfies(drop -> {
            assertThat(drop.sender()).isEqualTo("quotes.in[ACME]");
            assertThat(drop.error()).isInstanceOf(IllegalArgumentException.class);
            assertThat(drop.detail()).isEqualTo("stage `quotes` threw java.lang.IllegalArgumentException: "
                    + "quantity must be positive, got 0 while handling it");
        });
        // AND the pricing task itself ended normally: the JDK kept the exception in the future
        // (a task's HANDLED is recorded after its future completes: wait for the fifth, bounded)
        assertThat(log.await(s -> s.select().kind(EventKind.HANDLED).at("executor:pricing").count() == 5, BOUND))
                .isTrue();
        assertThat(events(EventKind.HANDLED, "executor:pricing")).hasSize(5)
                .allSatisfy(handled -> assertThat(handled.detail()).startsWith("async CompletableFuture stage"));
    }

    @Test
    void theFixAnsweringAFailedRequestWithARejectionQuotesEveryRequest() throws Exception {
        // GIVEN the service with CallerRunsPolicy, called through its fixed entry point
        QuoteService quoteService = wire(new ThreadPoolExecutor.CallerRunsPolicy(), symbol -> BigDecimal.ONE);

        // WHEN the same five requests arrive
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long id = 1; id <= 5; id++) {
            futures.add(send(new QuoteRequest(id, "ACME", id == 3 ? 0 : 1), quoteService::requestOrReject));
        }
        settle(futures);

        // THEN every request is answered once, request 3 with its rejection
        assertThat(log.await(s -> Checks.delivery(s).receiver("stage:quotes").ok() == 5, BOUND)).isTrue();
        assertThat(Checks.delivery(log).isClean()).isTrue();
        assertThat(Checks.diagnose(log).failures()).filteredOn(anomaly -> !ORDER.contains(anomaly.kind())).isEmpty();
        assertThat(book).filteredOn(quote -> quote.requestId() == 3).singleElement()
                .satisfies(quote -> assertThat(quote.reason())
                        .isEqualTo("java.lang.IllegalArgumentException: quantity must be positive, got 0"));
    }
}
