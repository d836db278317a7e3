package dev.courier.assertions;

import dev.courier.assertions.internal.Durations;
import dev.courier.assertions.internal.EndpointFailureMessages;
import dev.courier.assertions.internal.ReceiverDeliveries;
import dev.courier.assertions.internal.Verdict;
import dev.courier.history.DeliveryLog;
import java.time.Duration;

/**
 * Assertions over what one {@link DeliveryEndpoint} received: the DELIVERED events whose receiver is its
 * label. Counting waits ({@code receivedExactly(n).within(d)}); silence is checked over a real window.
 *
 * <p>Thread contract: used by one test thread while other threads deliver. Every wait blocks the test
 * thread for at most its duration and wakes on appends to the endpoint's log; an interrupt ends it with a
 * failure and the interrupt flag set.
 */
public class EndpointAssert extends AbstractCourierAssert<EndpointAssert, DeliveryEndpoint> {

    public EndpointAssert(DeliveryEndpoint endpoint) {
        super(endpoint, EndpointAssert.class);
    }

    /** Expects exactly {@code count} deliveries; say how long to wait with {@link ReceivedCountAssert#within}. */
    public ReceivedCountAssert receivedExactly(int count) {
        return expect(count, true);
    }

    /** Expects {@code count} or more deliveries; say how long to wait with {@link ReceivedCountAssert#within}. */
    public ReceivedCountAssert receivedAtLeast(int count) {
        return expect(count, false);
    }

    private ReceivedCountAssert expect(int count, boolean exactly) {
        return navigate(ReceivedCountAssert.class, ReceiveExpectation.class, ReceivedCountAssert::new,
                () -> Verdict.holds(new ReceiveExpectation(actual, count, exactly)));
    }

    /**
     * Nothing is delivered to this endpoint during the next {@code window}: a real window that waits its
     * full length (woken early only by a delivery, which fails the assertion), never a zero-timeout poll.
     *
     * @throws IllegalArgumentException if the window is not positive
     */
    public EndpointAssert receivesNothingFor(Duration window) {
        Durations.requirePositive(window, "receivesNothingFor(window)");
        if (!proceed()) {
            return myself;
        }
        DeliveryLog log = actual.log();
        ReceiverDeliveries deliveries = new ReceiverDeliveries(actual.label(), log.size());
        boolean delivered;
        try {
            delivered = log.await(snapshot -> deliveries.count(snapshot) > 0, window);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failWithText("Interrupted while checking that `" + actual.label() + "` receives nothing for "
                    + Durations.text(window));
            return myself;
        }
        if (delivered) {
            failWithText(EndpointFailureMessages.receivedInWindow(actual.label(), window, deliveries,
                    deliveries.count(log.snapshot())));
        }
        return myself;
    }

    /** Assertions over the whole log this endpoint records into. */
    public DeliveryLogAssert history() {
        return navigate(DeliveryLogAssert.class, DeliveryLog.class, DeliveryLogAssert::new,
                () -> Verdict.holds(actual.log()));
    }
}
