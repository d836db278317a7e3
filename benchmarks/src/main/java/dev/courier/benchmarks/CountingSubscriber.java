package dev.courier.benchmarks;

import java.util.concurrent.Flow;

/**
 * A subscriber that requests everything and counts each item into a {@link Batch}.
 *
 * <p>Thread contract: called by the publisher's executor, serially as Flow requires.
 */
final class CountingSubscriber implements Flow.Subscriber<Ping> {

    private final Batch batch;

    CountingSubscriber(Batch batch) {
        this.batch = batch;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Ping item) {
        batch.received();
    }

    @Override
    public void onError(Throwable throwable) {
        throw new IllegalStateException(throwable);
    }

    @Override
    public void onComplete() {
    }
}
