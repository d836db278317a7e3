package dev.courier.assertions;

import dev.courier.assertions.internal.Counts;
import java.util.Objects;

/**
 * How many messages an endpoint is expected to receive: exactly or at least {@code count}. The value
 * under test of {@link ReceivedCountAssert}. Immutable.
 *
 * @param endpoint the receiving endpoint
 * @param count    the expected number of DELIVERED events
 * @param exactly  true for exactly {@code count}, false for at least
 */
public record ReceiveExpectation(DeliveryEndpoint endpoint, int count, boolean exactly) {

    public ReceiveExpectation {
        Objects.requireNonNull(endpoint, "endpoint");
        Counts.requireNotNegative(count, "expected message count");
    }
}
