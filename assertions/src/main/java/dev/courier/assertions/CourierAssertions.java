package dev.courier.assertions;

import dev.courier.assertions.internal.DefaultTimeout;
import dev.courier.assertions.internal.Timeouts;
import dev.courier.assertions.internal.Unchecked;
import dev.courier.history.DeliveryLog;
import dev.courier.history.HistorySnapshot;
import dev.courier.worker.MessagePort;
import dev.courier.worker.Worker;
import java.time.Duration;

/**
 * The entry point of Courier's assertions, to be imported statically next to AssertJ's:
 * <pre>{@code
 * assertThat(log).within(Duration.ofSeconds(2)).deliveredExactlyOnce().isInSendOrderPerSender().check();
 * assertThat(worker).within(Duration.ofSeconds(5)).handled(1000).check();
 * assertThat(port).receivesNothingFor(Duration.ofMillis(100)).check();
 * assertThat(log).hasNoAnomalies().check();                      // the history as it is now, no wait
 * assertThatPayload(value).isNotCloneable().at("$.callback");
 * }</pre>
 * One grammar for everything that can wait (logs, snapshots, workers, ports, endpoints): expectations
 * accumulate and {@code check()} evaluates them, now or, after {@code within(d)}, waiting; an assert whose
 * expectations were never checked fails loudly (see {@link #requireAllChecked()}). Every wait is bounded;
 * {@link #defaultTimeout()} is the bound where a test gives none, and {@link #timeoutFactor()} scales every
 * bound.
 *
 * <p>Thread contract: the factory methods are stateless and may be called from any thread; the default
 * timeout may be read and set from any thread (see {@link #setDefaultTimeout(Duration)}).
 */
public final class CourierAssertions {

    private CourierAssertions() {
    }

    /** Assertions over a live log: checked now, or waiting after {@link DeliveryLogAssert#within}. */
    public static DeliveryLogAssert assertThat(DeliveryLog log) {
        return new DeliveryLogAssert(log);
    }

    /** Assertions over a frozen snapshot; {@code check()} never waits. */
    public static HistorySnapshotAssert assertThat(HistorySnapshot snapshot) {
        return new HistorySnapshotAssert(snapshot);
    }

    /** Assertions over what one endpoint received. */
    public static EndpointAssert assertThat(DeliveryEndpoint endpoint) {
        return new EndpointAssert(endpoint);
    }

    /** Assertions over what a worker's own side received (endpoint {@code <name>#<threadId>}). */
    public static EndpointAssert assertThat(Worker worker) {
        return assertThat(DeliveryEndpoint.of(worker.label(), worker.log()));
    }

    /** Assertions over what a port received. */
    public static EndpointAssert assertThat(MessagePort port) {
        return assertThat(DeliveryEndpoint.of(port.label(), port.log()));
    }

    /** Assertions about whether {@code payload} can cross a port. */
    public static PayloadAssert assertThatPayload(Object payload) {
        return new PayloadAssert(payload);
    }

    /**
     * The bound of waits that name none ({@code eventually()}, {@code withinDefaultTimeout()}): the value
     * set by {@link #setDefaultTimeout(Duration)}, else the system property {@code courier.timeout.default}
     * ({@code 500ms}, {@code 5s}, {@code 2m}, a number of milliseconds or ISO-8601 such as {@code PT5S}),
     * else 5 seconds.
     *
     * @throws IllegalArgumentException if the system property cannot be read as a positive duration
     */
    public static Duration defaultTimeout() {
        return DefaultTimeout.get();
    }

    /**
     * Makes {@code timeout} the default bound of waits started on the calling thread until the returned scope
     * is closed, over any value set by {@link #setDefaultTimeout(Duration)} or the system property. The JUnit
     * extension uses it to apply each test's configured timeout to the thread that runs the test.
     *
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public static TimeoutScope useDefaultTimeoutOnThisThread(Duration timeout) {
        return DefaultTimeout.scope(timeout)::run;
    }

    /**
     * Sets the default timeout for every wait that starts after this call returns, on any thread.
     *
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public static void setDefaultTimeout(Duration timeout) {
        DefaultTimeout.set(timeout);
    }

    /** Forgets {@link #setDefaultTimeout(Duration)}: the system property or 5 seconds applies again. */
    public static void resetDefaultTimeout() {
        DefaultTimeout.reset();
    }

    /**
     * The factor every Courier wait is multiplied by, for slow machines: the value set by
     * {@link #setTimeoutFactor(double)}, else the system property {@code courier.timeout.factor} (e.g. {@code 3}),
     * else 1. It scales {@code within(d)}, the default timeout and "nothing for" windows.
     *
     * @throws IllegalArgumentException if the system property is not a positive number
     */
    public static double timeoutFactor() {
        return Timeouts.factor();
    }

    /**
     * Sets the timeout factor for every wait that starts after this call, on any thread.
     *
     * @throws IllegalArgumentException if the factor is not a positive number up to 1000
     */
    public static void setTimeoutFactor(double factor) {
        Timeouts.setFactor(factor);
    }

    /**
     * Makes {@code factor} the timeout factor of waits started on the calling thread until the returned scope is
     * closed, over the system property (a factor set by {@link #setTimeoutFactor(double)} still wins). The JUnit
     * extension uses it to apply the configuration parameter {@code courier.timeout.factor} to each test's thread.
     *
     * @throws IllegalArgumentException if the factor is not a positive number up to 1000
     */
    public static TimeoutScope useTimeoutFactorOnThisThread(double factor) {
        return Timeouts.scope(factor, "timeout factor")::run;
    }

    /** Forgets {@link #setTimeoutFactor(double)}: a scoped factor, the system property or 1 applies again. */
    public static void resetTimeoutFactor() {
        Timeouts.setFactor(null);
    }

    /** {@code timeout} times the {@link #timeoutFactor()}: for the waits of tools built on Courier. */
    public static Duration dilated(Duration timeout) {
        return Timeouts.dilate(timeout);
    }

    /**
     * Fails if an assert created on the calling thread declared expectations (or a wait) and was never
     * checked, naming each and where it was created; every such assert is reported once. A new Courier
     * assert runs the same check first; the JUnit extension runs it after each test.
     *
     * @throws IllegalStateException naming the unchecked asserts
     */
    public static void requireAllChecked() {
        Unchecked.requireNoneLeft();
    }
}
