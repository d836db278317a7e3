package dev.courier.assertions;

import dev.courier.assertions.internal.Counts;
import dev.courier.assertions.internal.EndpointProgress;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Courier conditions for Awaitility, for tests that already wait with it:
 * <pre>{@code
 * await().atMost(Duration.ofSeconds(5)).until(CourierConditions.delivered(log, "transcoder#3", 10));
 * await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(log).deliveredExactlyOnce().check());
 * }</pre>
 * Awaitility polls at its interval (100 ms by default); Courier's own waits
 * ({@link DeliveryLogAssert#within}, {@link EndpointAssert#within}) wake on each append instead.
 *
 * <p>Thread contract: each condition reads a fresh snapshot per call, keeps no state and may be called
 * from any thread, as Awaitility does from its polling thread.
 */
public final class CourierConditions {

    private CourierConditions() {
    }

    /** True once {@code receiver} has {@code count} or more decoded DELIVERED events in {@code log}. */
    public static Callable<Boolean> delivered(DeliveryLog log, String receiver, int count) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(receiver, "receiver");
        Counts.requireNotNegative(count, "expected message count");
        return () -> new EndpointProgress(receiver, 0).scan(log.snapshot()).delivered() >= count;
    }

    /** True once {@code endpoint} has {@code count} or more DELIVERED events. */
    public static Callable<Boolean> delivered(DeliveryEndpoint endpoint, int count) {
        Objects.requireNonNull(endpoint, "endpoint");
        return delivered(endpoint.log(), endpoint.label(), count);
    }

    /** True while no sent message is in flight: each one was delivered or dropped. */
    public static Callable<Boolean> nothingInFlight(DeliveryLog log) {
        Objects.requireNonNull(log, "log");
        return () -> Checks.delivery(log).pending().isEmpty();
    }
}
