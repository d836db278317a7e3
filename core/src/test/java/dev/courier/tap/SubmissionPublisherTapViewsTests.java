package dev.courier.tap;

import static dev.courier.tap.LogReading.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.DeliveryLog;
import dev.courier.history.LiveState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SubmissionPublisherTapViewsTests {

    private final DeliveryLog log = DeliveryLog.create();

    /** Requests one item at a time and counts down when the publisher completes or fails. */
    private static final class Collecting implements Flow.Subscriber<String> {
        final List<String> items = new ArrayList<>();
        final CountDownLatch ended = new CountDownLatch(1);
        volatile Throwable error;
        private Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public void onNext(String item) {
            synchronized (items) {
                items.add(item);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
            ended.countDown();
        }

        @Override
        public void onComplete() {
            ended.countDown();
        }
    }

    @Test
    void aTappedPublisherAnswersAsTheJdkPublisherAndKnowsItsSubscribersBehindTheTap() throws Exception {
        // GIVEN a tapped publisher of buffer 8 with one subscriber that has not requested anything
        SubmissionPublisherTap<String> publisher = Taps.submissionPublisher(ForkJoinPool.commonPool(), 8, log,
                TapOptions.defaults().name("prices"));
        Collecting subscriber = new Collecting();
        Collecting stranger = new Collecting();
        boolean before = publisher.hasSubscribers();
        publisher.subscribe(subscriber);
        LiveState state = log.liveStates().get(0);

        // WHEN it is read while open, then closed with an error
        boolean hasSubscribers = publisher.hasSubscribers();
        boolean subscribed = publisher.isSubscribed(subscriber);
        boolean strangerSubscribed = publisher.isSubscribed(stranger);
        String open = state.describe();
        boolean aliveOpen = state.isAlive();
        IllegalStateException failure = new IllegalStateException("feed lost");
        publisher.closeExceptionally(failure);
        assertThat(subscriber.ended.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // THEN it reports as the JDK's would, sees the user's subscriber behind its tap, and says when it closed
        assertThat(before).isFalse();
        assertThat(hasSubscribers).isTrue();
        assertThat(publisher.label()).isEqualTo("publisher:prices");
        assertThat(publisher.getMaxBufferCapacity()).isEqualTo(8);
        assertThat(publisher.getExecutor()).isSameAs(ForkJoinPool.commonPool());
        assertThat(subscribed).isTrue();
        assertThat(strangerSubscribed).isFalse();
        assertThat(publisher.isSubscribed(subscriber)).as("after close").isFalse();
        assertThat(open).isEqualTo("publisher:prices: subscribers 1, estimated maximum lag 0, open");
        assertThat(aliveOpen).isTrue();
        assertThat(publisher.isClosed()).isTrue();
        assertThat(publisher.getClosedException()).isSameAs(failure);
        assertThat(subscriber.error).isSameAs(failure);
        assertThat(state.isAlive()).isFalse();
        assertThat(state.describe()).endsWith(", closed");
        assertThat(publisher.toString()).startsWith("publisher:prices[");
    }

    @Test
    void aSubscriberThatRequestedNothingShowsAsLagAndDemand() throws Exception {
        // GIVEN a tapped publisher whose only subscriber requested nothing
        SubmissionPublisherTap<String> publisher = Taps.submissionPublisher(ForkJoinPool.commonPool(), 8, log,
                TapOptions.defaults().name("quotes"));
        Collecting subscriber = new Collecting();
        publisher.subscribe(subscriber);

        // WHEN two items are offered
        int lagAfterFirst = publisher.offer("a", null);
        int lagAfterSecond = publisher.offer("b", 1, TimeUnit.MILLISECONDS, null);

        // THEN both wait in its buffer: the lag grows, and nothing is demanded
        assertThat(lagAfterFirst).isEqualTo(1);
        assertThat(lagAfterSecond).isEqualTo(2);
        assertThat(publisher.estimateMaximumLag()).isEqualTo(2);
        assertThat(publisher.estimateMinimumDemand()).isEqualTo(-2);
        assertThat(publisher.getSubscribers()).hasSize(1);
        publisher.close();
    }
}
