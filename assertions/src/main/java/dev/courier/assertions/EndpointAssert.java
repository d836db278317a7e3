package dev.courier.assertions;

import dev.courier.assertions.internal.Counts;
import dev.courier.assertions.internal.DefaultTimeout;
import dev.courier.assertions.internal.EndpointFailureMessages;
import dev.courier.assertions.internal.EndpointProgress;
import dev.courier.assertions.internal.EndpointVerdicts;
import dev.courier.assertions.internal.Timeouts;
import dev.courier.assertions.internal.Verdict;
import dev.courier.history.DeliveryLog;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.internal.DurationText;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.assertj.core.api.ListAssert;

/**
 * Assertions over what one {@link DeliveryEndpoint} received, in the one waiting grammar:
 * <pre>{@code
 * assertThat(worker).within(Duration.ofSeconds(5)).receivedExactly(1000).check();   // DELIVERED: listener called
 * assertThat(worker).within(Duration.ofSeconds(5)).handled(1000).check();           // HANDLED: listener returned
 * assertThat(port).within(d).receivedAllOf("a", "b", "c").check();                    // any order (payloads)
 * assertThat(port).within(d).fishedFor("a pong", m -> m instanceof Pong).check();     // skips the others
 * assertThat(port).receivesNothingFor(Duration.ofMillis(100)).check();                // a real window
 * }</pre>
 * A delivery whose decoding failed (messageerror) is not counted as received. A count wait ends at once when
 * recorded facts make it impossible: exceeded, the receiver exited or crashed, or messages meant for it were
 * dropped or failed to clone and what is in flight cannot make up the difference.
 *
 * <p>Thread contract: used by one test thread while other threads deliver. Every wait blocks the test thread
 * for at most its duration (times {@code courier.timeout.factor}) and wakes on appends to the endpoint's log;
 * an interrupt ends it with a failure and the interrupt flag set.
 */
public class EndpointAssert extends AbstractExpectingAssert<EndpointAssert, DeliveryEndpoint> {

    private Duration silence;
    private int silenceFrom;

    public EndpointAssert(DeliveryEndpoint endpoint) {
        super(endpoint, EndpointAssert.class, endpoint == null ? "null" : "`" + endpoint.label() + "`");
    }

    /**
     * Makes {@link #check()} wait up to {@code timeout} (times the timeout factor) for every expectation.
     *
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public EndpointAssert within(Duration timeout) {
        waitUpTo(timeout);
        return myself;
    }

    /** {@link #within(Duration)} the default timeout ({@link CourierAssertions#defaultTimeout()}). */
    public EndpointAssert eventually() {
        return within(DefaultTimeout.get());
    }

    /** Exactly {@code count} decoded deliveries (DELIVERED: the listener was called). */
    public EndpointAssert receivedExactly(int count) {
        return counting("receivedExactly(" + count + ")", "receive", count, true);
    }

    /** {@code count} or more decoded deliveries. */
    public EndpointAssert receivedAtLeast(int count) {
        return counting("receivedAtLeast(" + count + ")", "receive", count, false);
    }

    /**
     * Exactly {@code count} listener completions (HANDLED OK: every message listener returned): after this
     * check no listener of those messages is still running.
     */
    public EndpointAssert handled(int count) {
        return counting("handled(" + count + ")", "handle", count, true);
    }

    /** Exactly one listener completion. */
    public EndpointAssert handledExactlyOnce() {
        return handled(1);
    }

    private EndpointAssert counting(String name, String what, int count, boolean exactly) {
        Counts.requireNotNegative(count, "expected message count");
        String label = actual.label();
        return expect(name, () -> EndpointVerdicts.count(label, what, count, exactly, timeout()));
    }

    /**
     * Every one of {@code payloads} was delivered, in any order (a payload listed twice must arrive twice),
     * compared with {@code equals}. Needs retained payloads ({@code retainPayloads(true)}).
     */
    public EndpointAssert receivedAllOf(Object... payloads) {
        List<Object> expected = Arrays.asList(Objects.requireNonNull(payloads, "payloads"));
        String label = actual.label();
        return expect("receivedAllOf(...)", () -> EndpointVerdicts.allOf(label, expected, timeout()));
    }

    /**
     * Some delivered payload matches {@code matcher}, whatever came before it ("fish for" a message); a
     * failure lists every skipped message. Needs retained payloads.
     */
    public EndpointAssert fishedFor(String description, Predicate<Object> matcher) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(matcher, "matcher");
        String label = actual.label();
        return expect("fishedFor(" + description + ")", () -> EndpointVerdicts.fish(label, description, matcher,
                timeout()));
    }

    /** {@link #fishedFor(String, Predicate)} described as "the predicate". */
    public EndpointAssert fishedFor(Predicate<Object> matcher) {
        return fishedFor("the predicate", matcher);
    }

    /**
     * Nothing is delivered to this endpoint during {@code window} (times the timeout factor), which starts
     * when {@link #check()} has evaluated the other expectations: a real window that waits its full length
     * (woken early only by a delivery, which fails), never a zero-timeout poll.
     *
     * @throws IllegalArgumentException if the window is not positive
     */
    public EndpointAssert receivesNothingFor(Duration window) {
        this.silence = DurationText.requirePositive("receivesNothingFor(window)", window);
        return expect("receivesNothingFor(" + DurationText.of(window) + ")", () -> snapshot -> {
            silenceFrom = snapshot.size();
            return Verdict.holds(null);
        });
    }

    @Override
    protected void afterExpectations() {
        if (silence == null) {
            return;
        }
        DeliveryLog log = actual.log();
        int from = Math.min(silenceFrom, log.size());
        EndpointProgress progress = new EndpointProgress(actual.label(), from);
        boolean delivered;
        try {
            delivered = log.await(snapshot -> progress.scan(snapshot).delivered() > 0, Timeouts.dilate(silence));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failWithText("Interrupted while checking that `" + actual.label() + "` receives nothing for "
                    + Timeouts.describe(silence));
            return;
        }
        if (delivered) {
            failWithText(EndpointFailureMessages.receivedInWindow(actual.label(), silence,
                    progress.scan(log.snapshot())));
        }
    }

    /**
     * Evaluates the expectations declared so far, then collects the delivered payloads from the first on, as
     * long as they match {@code matcher} (Akka's receiveWhile); after {@code within(d)} it waits until a
     * non-matching delivery ends the run or the timeout passes. Returns an AssertJ list assert over the run.
     */
    public ListAssert<Object> receivedWhile(Predicate<Object> matcher) {
        Objects.requireNonNull(matcher, "matcher");
        require(evaluateWith(snapshot -> Verdict.holds(null)));
        DeliveryLog log = actual.log();
        String label = actual.label();
        if (timeout() != null) {
            try {
                // The run ends with the first non-matching delivery; at the timeout it is what matched so far.
                log.await(snapshot -> EndpointVerdicts.run(label, matcher, snapshot).ended(), Timeouts.dilate(timeout()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failWithText("Interrupted while collecting what `" + label + "` received");
            }
        }
        return new ListAssert<>(EndpointVerdicts.run(label, matcher, log.snapshot()).matched());
    }

    /** Evaluates the expectations declared so far, then returns assertions over the whole log. */
    public DeliveryLogAssert history() {
        return navigate(DeliveryLogAssert.class, DeliveryLog.class, DeliveryLogAssert::new,
                () -> evaluateWith(snapshot -> Verdict.holds(actual.log())));
    }

    @Override
    protected DeliveryLog liveLog() {
        return actual.log();
    }

    @Override
    protected HistorySnapshot snapshot() {
        return actual.log().snapshot();
    }

    @Override
    protected String endpointLabel() {
        return actual.label();
    }
}
