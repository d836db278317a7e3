package dev.courier.assertions;

import dev.courier.history.DeliveryLog;
import dev.courier.history.HistorySnapshot;
import dev.courier.worker.MessagePort;
import dev.courier.worker.Worker;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.Assert;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.api.StandardSoftAssertionsProvider;

/**
 * Soft assertions with Courier's vocabulary next to all of AssertJ's: failures are collected and reported
 * together by {@link #assertAll()}, or at the end of {@link #assertSoftly(Consumer)}. Child asserts
 * ({@code latency()}, {@code hasAnomaly(kind)}, {@code history()}, {@code isNotCloneable()}) are
 * soft too; when a hand-over itself fails (no such anomaly), its failure is collected and the child's
 * checks are skipped.
 * <pre>{@code
 * CourierSoftAssertions.assertSoftly(softly -> {
 *     softly.assertThat(log).hasNoLostMessages().isInSendOrderPerSender().check();
 *     softly.assertThat(endpoint).within(Duration.ofSeconds(1)).receivedExactly(3).check();
 * });
 * }</pre>
 *
 * <p>Thread contract: like AssertJ's soft assertions, one instance is used by one thread.
 */
public class CourierSoftAssertions extends AbstractSoftAssertions implements StandardSoftAssertionsProvider {

    /** Runs {@code assertions} on a fresh instance and fails with every collected failure at the end. */
    public static void assertSoftly(Consumer<CourierSoftAssertions> assertions) {
        SoftAssertionsProvider.assertSoftly(CourierSoftAssertions.class, assertions);
    }

    /** Soft {@link CourierAssertions#assertThat(DeliveryLog)}. */
    public DeliveryLogAssert assertThat(DeliveryLog log) {
        return soft(DeliveryLogAssert.class, DeliveryLog.class, log);
    }

    /** Soft {@link CourierAssertions#assertThat(HistorySnapshot)}. */
    public HistorySnapshotAssert assertThat(HistorySnapshot snapshot) {
        return soft(HistorySnapshotAssert.class, HistorySnapshot.class, snapshot);
    }

    /** Soft {@link CourierAssertions#assertThat(DeliveryEndpoint)}. */
    public EndpointAssert assertThat(DeliveryEndpoint endpoint) {
        return soft(EndpointAssert.class, DeliveryEndpoint.class, endpoint);
    }

    /** Soft {@link CourierAssertions#assertThat(Worker)}. */
    public EndpointAssert assertThat(Worker worker) {
        return assertThat(DeliveryEndpoint.of(worker.label(), worker.log()));
    }

    /** Soft {@link CourierAssertions#assertThat(MessagePort)}. */
    public EndpointAssert assertThat(MessagePort port) {
        return assertThat(DeliveryEndpoint.of(port.label(), port.log()));
    }

    /** Soft {@link CourierAssertions#assertThatPayload(Object)}. */
    public PayloadAssert assertThatPayload(Object payload) {
        return soft(PayloadAssert.class, Object.class, payload);
    }

    private <A extends Assert<? extends A, ? extends T>, T> A soft(Class<A> type, Class<T> actualType, T actual) {
        return new SoftNavigator(this).child(type, actualType, actual, null);
    }
}
