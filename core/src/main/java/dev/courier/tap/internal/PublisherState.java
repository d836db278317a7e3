package dev.courier.tap.internal;

import dev.courier.history.LiveState;
import java.util.concurrent.SubmissionPublisher;

/**
 * What a timeout report prints about a tapped publisher. Safe from any thread; never blocks beyond
 * the publisher's own brief locking.
 */
public final class PublisherState implements LiveState {

    private final String label;
    private final SubmissionPublisher<?> publisher;

    public PublisherState(String label, SubmissionPublisher<?> publisher) {
        this.label = label;
        this.publisher = publisher;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String describe() {
        return label + ": subscribers " + publisher.getNumberOfSubscribers() + ", estimated maximum lag "
                + publisher.estimateMaximumLag() + (publisher.isClosed() ? ", closed" : ", open");
    }

    /** Open until closed: a publisher left open at teardown is reported. */
    @Override
    public boolean isAlive() {
        return !publisher.isClosed();
    }
}
