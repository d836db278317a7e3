package dev.courier.tap;

import static dev.courier.tap.LogReading.WAIT;
import static dev.courier.tap.LogReading.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PublisherRetryTests {

    private final DeliveryLog log = DeliveryLog.create();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /** Never requests anything: every item stays in its buffer. */
    private static PublisherTapTests.Collector stalled() {
        return new PublisherTapTests.Collector(0, null);
    }

    private PublisherTap<Integer> fullPublisherWith(PublisherTapTests.Collector tapped,
                                                    PublisherTapTests.Collector untapped) throws Exception {
        SubmissionPublisher<Integer> inner = new SubmissionPublisher<>(executor, 2);
        PublisherTap<Integer> prices = Taps.publisher(inner, log, "prices");
        prices.subscribe(tapped, "stalled");
        assertThat(tapped.subscribed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        if (untapped != null) {
            inner.subscribe(untapped);
            assertThat(untapped.subscribed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        assertThat(prices.offer(1, null)).isEqualTo(1);
        assertThat(prices.offer(2, null)).isEqualTo(2);
        return prices;
    }

    @Test
    void anItemWhoseRetryIsRefusedTooIsDroppedSayingSo() throws Exception {
        // GIVEN a tapped publisher whose only subscriber's buffer of two is full
        PublisherTapTests.Collector subscriber = stalled();
        PublisherTap<Integer> prices = fullPublisherWith(subscriber, null);
        List<Flow.Subscriber<?>> retriedFor = new CopyOnWriteArrayList<>();

        // WHEN a third item is offered with a handler that asks for one retry
        int result = prices.offer(3, (who, item) -> retriedFor.add(who));

        // THEN the retry was asked for the user's subscriber, failed, and the drop says both were refused
        assertThat(result).isEqualTo(-1);
        assertThat(retriedFor).containsExactly(subscriber);
        assertThat(events(log, EventKind.DROPPED, "publisher:prices.stalled")).singleElement().satisfies(drop -> {
            assertThat(drop.cause()).isEqualTo(DropCause.OVERFLOW);
            assertThat(drop.detail()).isEqualTo("capacity 2, offer refused, retry refused too");
        });
        assertThat(prices.label()).isEqualTo("publisher:prices");
        prices.close();
    }

    @Test
    void aSubscriberOutsideTheTapIsNeverRecordedAndDoesNotHideTheTappedOnesRefusedRetry() throws Exception {
        // GIVEN a full buffer for a tapped subscriber and for one subscribed to the publisher directly
        PublisherTapTests.Collector tapped = stalled();
        PublisherTapTests.Collector direct = stalled();
        PublisherTap<Integer> prices = fullPublisherWith(tapped, direct);

        // WHEN a third item is offered with a handler that retries for both, then a fourth retried for neither
        int retriedBoth = prices.offer(3, (who, item) -> true);
        int retriedNone = prices.offer(4, (who, item) -> false);

        // THEN both offers reached both subscribers' drops, and only the tapped subscriber's drops are recorded
        assertThat(retriedBoth).isEqualTo(-2);
        assertThat(retriedNone).isEqualTo(-2);
        assertThat(prices.unwrap().getNumberOfSubscribers()).isEqualTo(2);
        assertThat(events(log, EventKind.DROPPED)).extracting(DeliveryEvent::receiver, DeliveryEvent::detail)
                .containsExactly(tuple("publisher:prices.stalled", "capacity 2, offer refused, retry refused too"),
                        tuple("publisher:prices.stalled", "capacity 2, offer refused"));
        prices.close();
    }

    @Test
    void aRetryForTheTappedSubscriberThatTheDirectOneRefusesIsStillRecordedOnce() throws Exception {
        // GIVEN a full buffer for a tapped subscriber and for one subscribed to the publisher directly
        PublisherTapTests.Collector tapped = stalled();
        PublisherTapTests.Collector direct = stalled();
        PublisherTap<Integer> prices = fullPublisherWith(tapped, direct);

        // WHEN a third item is offered with a handler that retries only for the tapped subscriber
        int result = prices.offer(3, (who, item) -> who == tapped);

        // THEN both dropped it; the tapped one's drop says its retry was refused too
        assertThat(result).isEqualTo(-2);
        assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
            assertThat(drop.receiver()).isEqualTo("publisher:prices.stalled");
            assertThat(drop.detail()).isEqualTo("capacity 2, offer refused, retry refused too");
        });
        prices.close();
    }
}
