package dev.courier.assertions;

import dev.courier.assertions.internal.DefaultTimeout;
import dev.courier.assertions.internal.Durations;
import dev.courier.assertions.internal.EndpointFailureMessages;
import dev.courier.assertions.internal.HistoryWait;
import dev.courier.assertions.internal.ReceiverDeliveries;
import dev.courier.assertions.internal.Verdict;
import java.time.Duration;

/**
 * Waits for an endpoint to receive a number of messages. Nothing is checked until {@link #within} (or
 * {@link #withinDefaultTimeout()}) is called. "Exactly" passes as soon as the count is reached and fails
 * at once when it is exceeded; on a timeout the failure shows the deliveries so far, the state of the log
 * (counts, queue depths, every registered live state such as worker thread stacks) and the diagnosis at
 * the endpoint.
 *
 * <p>Thread contract: used by one test thread; {@code within} blocks it for at most the timeout, woken by
 * appends to the endpoint's log (no polling). An interrupt ends the wait with a failure and the interrupt
 * flag set.
 */
public class ReceivedCountAssert extends AbstractCourierAssert<ReceivedCountAssert, ReceiveExpectation> {

    public ReceivedCountAssert(ReceiveExpectation expectation) {
        super(expectation, ReceivedCountAssert.class);
    }

    /**
     * Waits up to {@code timeout} for the expected deliveries.
     *
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public ReceivedCountAssert within(Duration timeout) {
        Durations.requirePositive(timeout, "within(timeout)");
        if (proceed()) {
            String label = actual.endpoint().label();
            ReceiverDeliveries deliveries = new ReceiverDeliveries(label, 0);
            require(HistoryWait.until(actual.endpoint().log(), snapshot -> judge(deliveries,
                    deliveries.count(snapshot), timeout), timeout, label));
        }
        return myself;
    }

    /** {@link #within(Duration)} the default timeout ({@link CourierAssertions#defaultTimeout()}). */
    public ReceivedCountAssert withinDefaultTimeout() {
        return within(DefaultTimeout.get());
    }

    private Verdict<Integer> judge(ReceiverDeliveries deliveries, int received, Duration timeout) {
        String label = actual.endpoint().label();
        if (received < actual.count()) {
            return Verdict.fails(received, EndpointFailureMessages.receivedTooFew(label, actual.exactly(),
                    actual.count(), timeout, deliveries, received));
        }
        if (received > actual.count() && actual.exactly()) {
            return Verdict.failsForGood(received, EndpointFailureMessages.receivedTooMany(label, actual.count(),
                    timeout, deliveries, received));
        }
        return Verdict.holds(received);
    }
}
