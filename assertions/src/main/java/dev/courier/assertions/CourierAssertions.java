package dev.courier.assertions;

import dev.courier.assertions.internal.DefaultTimeout;
import dev.courier.history.DeliveryLog;
import dev.courier.history.HistorySnapshot;
import dev.courier.worker.MessagePort;
import dev.courier.worker.Worker;
import java.time.Duration;

/**
 * The entry point of Courier's assertions, to be imported statically next to AssertJ's:
 * <pre>{@code
 * assertThat(log).within(Duration.ofSeconds(2)).deliveredExactlyOnce().isInSendOrderPerSender();
 * assertThat(endpoint).receivedExactly(1000).within(Duration.ofSeconds(5));
 * assertThat(endpoint).receivesNothingFor(Duration.ofMillis(100));
 * assertThatPayload(value).isNotCloneable().at("$.callback");
 * }</pre>
 * Every wait is bounded; {@link #defaultTimeout()} is the bound where a test gives none.
 *
 * <p>Thread contract: the factory methods are stateless and may be called from any thread; the default
 * timeout may be read and set from any thread (see {@link #setDefaultTimeout(Duration)}).
 */
public final class CourierAssertions {

    private CourierAssertions() {
    }

    /** Assertions over a live log: immediate, or waiting after {@link DeliveryLogAssert#within}. */
    public static DeliveryLogAssert assertThat(DeliveryLog log) {
        return new DeliveryLogAssert(log);
    }

    /** Assertions over a frozen snapshot; they never wait. */
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
}
