package dev.courier.tap;

import static dev.courier.tap.LogReading.WAIT;
import static dev.courier.tap.LogReading.awaitCount;
import static dev.courier.tap.LogReading.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PublisherTapTests {

    private final DeliveryLog log = DeliveryLog.create();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /** Collects items; requests {@code initialDemand} at subscription; may throw on one item. */
    static final class Collector implements Flow.Subscriber<Integer> {
        final List<Integer> items = new CopyOnWriteArrayList<>();
        final CountDownLatch subscribed = new CountDownLatch(1);
        volatile Flow.Subscription subscription;
        private final long initialDemand;
        private final Integer failOn;

        Collector(long initialDemand, Integer failOn) {
            this.initialDemand = initialDemand;
            this.failOn = failOn;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (initialDemand > 0) {
                subscription.request(initialDemand);
            }
            subscribed.countDown();
        }

        @Override
        public void onNext(Integer item) {
            if (item.equals(failOn)) {
                throw new IllegalStateException("cannot handle " + item);
            }
            items.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    @Test
    void itemsToTwoSubscribersAreRecordedAsOneMessagePerSubscriber() throws Exception {
        // GIVEN a tapped publisher with two subscribers
        PublisherTap<Integer> prices = Taps.publisher(new SubmissionPublisher<>(executor, 16), log, "prices");
        Collector audit = new Collector(Long.MAX_VALUE, null);
        Collector chart = new Collector(Long.MAX_VALUE, null);
        prices.subscribe(audit, "audit");
        prices.subscribe(chart, "chart");

        // WHEN five items are submitted and the publisher closes
        for (int i = 1; i <= 5; i++) {
            prices.submit(i);
        }
        prices.close();
        awaitCount(log, EventKind.WORKER_EXIT, 2);

        // THEN each subscriber is its own receiver with sequences 1..5, delivered and handled
        String sender = Thread.currentThread().getName();
        for (String receiver : List.of("publisher:prices.audit", "publisher:prices.chart")) {
            assertThat(events(log, EventKind.SENT, receiver)).extracting(DeliveryEvent::sender)
                    .containsOnly(sender).hasSize(5);
            assertThat(events(log, EventKind.DELIVERED, receiver)).extracting(DeliveryEvent::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 5).boxed().toList());
            assertThat(events(log, EventKind.HANDLED, receiver)).extracting(DeliveryEvent::outcome)
                    .containsOnly(Outcome.OK).hasSize(5);
            assertThat(events(log, EventKind.WORKER_EXIT, receiver)).singleElement()
                    .satisfies(exit -> assertThat(exit.detail()).isEqualTo("onComplete"));
        }
        assertThat(audit.items).containsExactly(1, 2, 3, 4, 5);
        assertThat(events(log, EventKind.DELIVERED)).extracting(DeliveryEvent::messageId).doesNotHaveDuplicates();
    }

    @Test
    void offerWithADropHandlerRecordsEachDropAsOverflow() throws Exception {
        // GIVEN a subscriber that requests nothing behind a buffer of two
        PublisherTap<Integer> prices = Taps.publisher(new SubmissionPublisher<>(executor, 2), log, "prices");
        Collector stalled = new Collector(0, null);
        prices.subscribe(stalled, "stalled");
        assertThat(stalled.subscribed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        List<Flow.Subscriber<?>> handlerSaw = new CopyOnWriteArrayList<>();

        // WHEN five items are offered with a drop handler that does not retry
        int lastResult = 0;
        for (int i = 1; i <= 5; i++) {
            lastResult = prices.offer(i, (subscriber, item) -> handlerSaw.add(subscriber) && false);
        }

        // THEN every drop the handler saw is recorded for that subscriber, and the handler saw the user's subscriber
        assertThat(lastResult).isNegative();
        List<DeliveryEvent> drops = events(log, EventKind.DROPPED, "publisher:prices.stalled");
        assertThat(handlerSaw).isNotEmpty().containsOnly(stalled);
        assertThat(drops).hasSize(handlerSaw.size()).allSatisfy(drop -> {
            assertThat(drop.cause()).isEqualTo(DropCause.OVERFLOW);
            assertThat(drop.detail()).isEqualTo("capacity 2, offer refused");
        });
        assertThat(log.snapshot().count(EventKind.ENQUEUED) + drops.size()).isEqualTo(5);
        prices.close();
    }

    @Test
    void closingExceptionallyRecordsTheErrorAndDropsWhatWasPending() throws Exception {
        // GIVEN a stalled subscriber holding two undelivered items
        PublisherTap<Integer> prices = Taps.publisher(new SubmissionPublisher<>(executor, 8), log);
        Collector stalled = new Collector(0, null);
        prices.subscribe(stalled);
        assertThat(stalled.subscribed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        prices.submit(1);
        prices.submit(2);

        // WHEN the publisher closes exceptionally
        prices.closeExceptionally(new IllegalStateException("feed down"));
        awaitCount(log, EventKind.WORKER_EXIT, 1);

        // THEN the subscriber's error and exit are recorded, and both pending items are dropped as terminated
        String receiver = "publisher:1.subscriber-1";
        assertThat(events(log, EventKind.WORKER_ERROR, receiver)).singleElement().satisfies(error -> {
            assertThat(error.detail()).isEqualTo("onError");
            assertThat(error.error()).hasMessage("feed down");
        });
        assertThat(events(log, EventKind.WORKER_EXIT, receiver)).extracting(DeliveryEvent::exitCode).containsExactly(1);
        assertThat(events(log, EventKind.DROPPED, receiver)).extracting(DeliveryEvent::sequence, DeliveryEvent::cause)
                .containsExactly(tuple(1L, DropCause.TERMINATED), tuple(2L, DropCause.TERMINATED));
        // AND publishing afterwards fails exactly as it does without the tap
        assertThatThrownBy(() -> prices.submit(3)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void itemsPendingWhenTheSubscriberCancelsAreDroppedAsTerminated() throws Exception {
        // GIVEN a stalled subscriber holding two undelivered items
        PublisherTap<Integer> prices = Taps.publisher(new SubmissionPublisher<>(executor, 8), log, "prices");
        Collector stalled = new Collector(0, null);
        prices.subscribe(stalled, "stalled");
        assertThat(stalled.subscribed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        prices.submit(1);
        prices.submit(2);

        // WHEN it cancels its subscription
        stalled.subscription.cancel();

        // THEN both items are recorded as discarded by the cancel
        assertThat(events(log, EventKind.DROPPED, "publisher:prices.stalled"))
                .extracting(DeliveryEvent::sequence, DeliveryEvent::cause, DeliveryEvent::detail)
                .containsExactly(tuple(1L, DropCause.TERMINATED, "discarded: the subscriber cancelled"),
                        tuple(2L, DropCause.TERMINATED, "discarded: the subscriber cancelled"));
        prices.close();
    }

    @Test
    void aSubscriberThatThrowsIsHandledThrew() throws Exception {
        // GIVEN a subscriber that fails on item 2
        PublisherTap<Integer> prices = Taps.publisher(new SubmissionPublisher<>(executor, 8), log, "prices");
        prices.subscribe(new Collector(Long.MAX_VALUE, 2), "fragile");

        // WHEN items 1 and 2 are submitted
        prices.submit(1);
        prices.submit(2);
        awaitCount(log, EventKind.HANDLED, 2);

        // THEN item 2 is HANDLED THREW with the subscriber's exception
        assertThat(events(log, EventKind.HANDLED)).extracting(DeliveryEvent::sequence, DeliveryEvent::outcome)
                .containsExactly(tuple(1L, Outcome.OK), tuple(2L, Outcome.THREW));
        assertThat(events(log, EventKind.HANDLED).get(1).error()).hasMessage("cannot handle 2");
        prices.close();
    }
}
