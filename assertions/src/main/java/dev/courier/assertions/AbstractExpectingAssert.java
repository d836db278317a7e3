package dev.courier.assertions;

import dev.courier.assertions.internal.Expectations;
import dev.courier.assertions.internal.HistoryWait;
import dev.courier.assertions.internal.Timeouts;
import dev.courier.assertions.internal.Unchecked;
import dev.courier.assertions.internal.Verdict;
import dev.courier.history.DeliveryLog;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.internal.DurationText;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one waiting grammar of Courier's history asserts: expectations accumulate, and only {@link #check()}
 * evaluates them, all together:
 * <pre>{@code
 * assertThat(log).deliveredExactlyOnce().isInSendOrderPerSender().check();              // the history as it is now
 * assertThat(worker).within(Duration.ofSeconds(5)).handled(1000).check();            // waits, bounded
 * }</pre>
 * After {@code within(d)} the check re-runs on every append until every expectation holds, ends at once
 * with the diagnosis when recorded facts make one of them impossible (a final drop, an exceeded count, an
 * exited receiver), or fails at the timeout with the state. An assert that declared expectations (or a wait)
 * and was never checked fails loudly: at the next Courier assertion on the same thread, or after the test
 * under the JUnit extension.
 *
 * <p>Thread contract: used by one test thread; {@code check()} blocks it for at most the timeout (scaled by
 * {@code courier.timeout.factor}), woken by appends, never by a timer.
 *
 * @param <SELF>   the assert's own type
 * @param <ACTUAL> the value under test
 */
public abstract class AbstractExpectingAssert<SELF extends AbstractExpectingAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractCourierAssert<SELF, ACTUAL> {

    private final Expectations expectations;
    private Duration timeout;

    protected AbstractExpectingAssert(ACTUAL actual, Class<?> selfType, String subject) {
        super(actual, selfType);
        this.expectations = Unchecked.open(subject);
    }

    /** The live log a wait wakes on, or null when the history is frozen (a snapshot never waits). */
    protected abstract DeliveryLog liveLog();

    /** The history as of now. */
    protected abstract HistorySnapshot snapshot();

    /** The endpoint whose anomalies a timeout's state report shows, or null for the whole log. */
    protected String endpointLabel() {
        return null;
    }

    /** Makes {@link #check()} wait up to {@code timeout} (times the timeout factor). */
    protected final void waitUpTo(Duration timeout) {
        this.timeout = DurationText.requirePositive("within(timeout)", timeout);
        expectations.waits();
    }

    /** The bound given to {@code within}, or null when {@code check()} judges the history now. */
    protected final Duration timeout() {
        return timeout;
    }

    /** Adds an expectation; nothing is evaluated before {@link #check()}. */
    protected final SELF expect(String name, Supplier<Function<HistorySnapshot, Verdict<?>>> check) {
        expectations.add(name, check);
        return myself;
    }

    /**
     * Evaluates every expectation declared so far: against the history as it is now, or, after
     * {@code within(d)}, waiting until all hold, one is final, or the timeout passes.
     *
     * @throws IllegalStateException if no expectation was declared (there is nothing to check)
     */
    public SELF check() {
        Unchecked.close(expectations);
        if (!proceed()) {
            return myself;
        }
        if (expectations.isEmpty()) {
            throw new IllegalStateException("check() has nothing to check: declare an expectation first, e.g. "
                    + "assertThat(log).deliveredExactlyOnce().check()");
        }
        require(evaluate(expectations.combined()));
        afterExpectations();
        return myself;
    }

    /** Runs after every expectation held (an endpoint's "nothing for" window). */
    protected void afterExpectations() {
    }

    /**
     * For navigations (hasAnomaly, latency, history): closes this assert's expectations and evaluates them
     * followed by {@code last}, the navigation's own check, with this assert's wait.
     */
    protected final <V> Verdict<V> evaluateWith(Function<HistorySnapshot, Verdict<V>> last) {
        Unchecked.close(expectations);
        Function<HistorySnapshot, Verdict<Object>> declared = expectations.isEmpty() ? null : expectations.combined();
        return evaluate(snapshot -> {
            if (declared != null) {
                Verdict<?> before = declared.apply(snapshot);
                if (!before.isHeld()) {
                    return before.settled() ? Verdict.failsForGood(null, before.failure())
                            : Verdict.fails(null, before.failure());
                }
            }
            return last.apply(snapshot);
        });
    }

    private <V> Verdict<V> evaluate(Function<HistorySnapshot, Verdict<V>> check) {
        DeliveryLog log = liveLog();
        if (timeout == null || log == null) {
            return check.apply(snapshot());
        }
        return HistoryWait.until(log, check, Timeouts.dilate(timeout), endpointLabel());
    }
}
