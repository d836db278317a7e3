package dev.courier.assertions;

import dev.courier.assertions.internal.DefaultTimeout;
import dev.courier.history.DeliveryLog;
import dev.courier.history.HistorySnapshot;
import java.time.Duration;

/**
 * Assertions over a live {@link DeliveryLog}. Expectations accumulate and {@link #check()} evaluates them:
 * <pre>{@code
 * assertThat(log).hasNoLostMessages().isInSendOrderPerSender().check();                        // now
 * assertThat(log).within(Duration.ofSeconds(2)).deliveredExactlyOnce().check();              // waits
 * }</pre>
 * A waiting check is re-run whenever an event is appended (woken by {@link DeliveryLog#await}, no polling)
 * until every expectation holds, ends at once when recorded facts make one impossible, and otherwise fails at
 * the timeout with the last verdict plus the state: counts, queue depths and every registered live state.
 *
 * <p>Thread contract: used by one test thread while any number of threads append to the log. A waiting
 * check blocks the test thread for at most the timeout; interrupting it ends the wait with a failure and
 * the interrupt flag set.
 */
public class DeliveryLogAssert extends AbstractHistoryAssert<DeliveryLogAssert, DeliveryLog> {

    public DeliveryLogAssert(DeliveryLog log) {
        super(log, DeliveryLogAssert.class, "log");
    }

    /**
     * Makes {@link #check()} wait up to {@code timeout} (times {@code courier.timeout.factor}) for the history
     * to satisfy every expectation.
     *
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public DeliveryLogAssert within(Duration timeout) {
        waitUpTo(timeout);
        return myself;
    }

    /** {@link #within(Duration)} the default timeout ({@link CourierAssertions#defaultTimeout()}). */
    public DeliveryLogAssert eventually() {
        return within(DefaultTimeout.get());
    }

    @Override
    protected DeliveryLog liveLog() {
        return actual;
    }

    @Override
    protected HistorySnapshot snapshot() {
        return actual.snapshot();
    }
}
