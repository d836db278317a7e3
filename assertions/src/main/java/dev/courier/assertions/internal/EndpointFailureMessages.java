package dev.courier.assertions.internal;

import static dev.courier.assertions.internal.FailureText.count;

import java.time.Duration;

/** The failure texts of the endpoint assertions. Stateless. */
public final class EndpointFailureMessages {

    private EndpointFailureMessages() {
    }

    /** Fewer deliveries than expected (so far). */
    public static String receivedTooFew(String receiver, boolean exactly, int expected, Duration timeout,
                                        ReceiverDeliveries deliveries, int received) {
        return FailureText.of(expecting(receiver, exactly, expected, timeout) + " but it received " + received
                + (received == 0 ? "" : ":")).items(deliveries.firstDeliveries(), received).toString();
    }

    /** More deliveries than exactly expected. */
    public static String receivedTooMany(String receiver, int expected, Duration timeout,
                                         ReceiverDeliveries deliveries, int received) {
        return FailureText.of(expecting(receiver, true, expected, timeout) + " but it received " + received + ":")
                .items(deliveries.firstDeliveries(), received).toString();
    }

    /** A delivery arrived inside a window that had to stay silent. */
    public static String receivedInWindow(String receiver, Duration window, ReceiverDeliveries deliveries,
                                          int received) {
        return FailureText.of("Expecting `" + receiver + "` to receive nothing for " + Durations.text(window)
                + " but it received " + count(received, "message") + " within that window:")
                .items(deliveries.firstDeliveries(), received).toString();
    }

    private static String expecting(String receiver, boolean exactly, int expected, Duration timeout) {
        return "Expecting `" + receiver + "` to receive " + (exactly ? "exactly " : "at least ")
                + count(expected, "message") + " within " + Durations.text(timeout);
    }
}
