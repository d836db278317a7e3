package dev.courier.assertions;

import dev.courier.assertions.internal.DefaultTimeout;
import dev.courier.assertions.internal.Durations;
import dev.courier.assertions.internal.HistoryWait;
import dev.courier.assertions.internal.Verdict;
import dev.courier.history.DeliveryLog;
import dev.courier.history.HistorySnapshot;
import java.time.Duration;
import java.util.function.Function;

/**
 * Assertions over a live {@link DeliveryLog}. Without {@link #within(Duration)} each check judges the
 * events recorded so far; after it, each check is re-run whenever an event is appended (woken by
 * {@link DeliveryLog#await}, no polling) until it holds or the timeout passes, and then fails with the
 * last verdict plus the state at the timeout: counts, queue depths and every registered live state.
 *
 * <p>Thread contract: used by one test thread while any number of threads append to the log. A waiting
 * check blocks the test thread for at most the timeout; interrupting it ends the wait with a failure and
 * the interrupt flag set.
 */
public class DeliveryLogAssert extends AbstractHistoryAssert<DeliveryLogAssert, DeliveryLog> {

    private Duration timeout;

    public DeliveryLogAssert(DeliveryLog log) {
        super(log, DeliveryLogAssert.class);
    }

    /**
     * Makes the following checks of this assert wait up to {@code timeout} for the history to satisfy
     * them. Like AssertJ's {@code as(...)}, it configures this assert and returns it.
     *
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public DeliveryLogAssert within(Duration timeout) {
        this.timeout = Durations.requirePositive(timeout, "within(timeout)");
        return myself;
    }

    /** {@link #within(Duration)} the default timeout ({@link CourierAssertions#defaultTimeout()}). */
    public DeliveryLogAssert eventually() {
        return within(DefaultTimeout.get());
    }

    @Override
    protected <V> Verdict<V> evaluate(Function<HistorySnapshot, Verdict<V>> check) {
        return timeout == null ? check.apply(actual.snapshot()) : HistoryWait.until(actual, check, timeout, null);
    }

    @Override
    protected HistorySnapshot snapshot() {
        return actual.snapshot();
    }
}
