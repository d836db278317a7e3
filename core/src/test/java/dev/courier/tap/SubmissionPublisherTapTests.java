package dev.courier.tap;

import static dev.courier.tap.LogReading.WAIT;
import static dev.courier.tap.LogReading.awaitCount;
import static dev.courier.tap.LogReading.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.Checks;
import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.tap.PublisherTapTests.Collector;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubmissionPublisherTapTests {

    private final DeliveryLog log = DeliveryLog.create();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /** Production code typed to the JDK class: it offers prices and drops what a slow subscriber cannot take. */
    static final class PriceFeed {
        private final SubmissionPublisher<Integer> publisher;

        PriceFeed(SubmissionPublisher<Integer> publisher) {
            this.publisher = publisher;
        }

        void publish(int price) {
            publisher.offer(price, (subscriber, item) -> false);
        }
    }

    @Test
    void anUnchangedClassTypedToSubmissionPublisherHasItsDropsRecordedPerSubscriber() throws Exception {
        // GIVEN production code given a tapped SubmissionPublisher with a buffer of two, a fast and a stalled subscriber
        SubmissionPublisher<Integer> publisher = Taps.submissionPublisher(executor, 2, log,
                TapOptions.defaults().name("prices"));
        Collector fast = new Collector(Long.MAX_VALUE, null);
        Collector stalled = new Collector(0, null);
        publisher.subscribe(fast);
        publisher.subscribe(stalled);
        assertThat(fast.subscribed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(stalled.subscribed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        PriceFeed feed = new PriceFeed(publisher);

        // WHEN five prices are published
        for (int price = 1; price <= 5; price++) {
            feed.publish(price);
            awaitCount(log, EventKind.HANDLED, price);
        }

        // THEN the fast subscriber got all five and the stalled one's drops are recorded as overflow, for it alone
        assertThat(fast.items).containsExactly(1, 2, 3, 4, 5);
        List<DeliveryEvent> drops = events(log, EventKind.DROPPED);
        assertThat(drops).isNotEmpty().allSatisfy(drop -> {
            assertThat(drop.receiver()).isEqualTo("publisher:prices.subscriber-2");
            assertThat(drop.cause()).isEqualTo(DropCause.OVERFLOW);
            assertThat(drop.detail()).isEqualTo("capacity 2, offer refused");
        });
        assertThat(Checks.delivery(log).receiver("publisher:prices.subscriber-1").ok()).isEqualTo(5);
        assertThat(publisher.isSubscribed(stalled)).isTrue();
        assertThat(publisher.getNumberOfSubscribers()).isEqualTo(2);
        publisher.close();
        assertThat(publisher.isClosed()).isTrue();
    }

    @Test
    void retainedPayloadsLetPerKeyOrderBeCheckedOnAPublisher() throws Exception {
        // GIVEN a tapped publisher that retains payloads
        SubmissionPublisher<Integer> publisher = Taps.submissionPublisher(executor, 8, log,
                TapOptions.defaults().name("prices").retainPayloads(true));
        Collector collector = new Collector(Long.MAX_VALUE, null);
        publisher.subscribe(collector);
        assertThat(collector.subscribed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // WHEN items are submitted
        for (int price = 1; price <= 4; price++) {
            publisher.submit(price);
        }
        awaitCount(log, EventKind.HANDLED, 4);

        // THEN SENT and DELIVERED carry the items and per-key order can be checked
        assertThat(events(log, EventKind.SENT)).extracting(DeliveryEvent::payload).containsExactly(1, 2, 3, 4);
        assertThat(events(log, EventKind.DELIVERED)).extracting(DeliveryEvent::payload).containsExactly(1, 2, 3, 4);
        assertThat(Checks.order(log.snapshot(), price -> (Integer) price % 2).isInSendOrderPerKey()).isTrue();
        publisher.close();
    }
}
