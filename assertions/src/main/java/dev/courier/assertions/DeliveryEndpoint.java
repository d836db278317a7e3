package dev.courier.assertions;

import dev.courier.assertions.internal.FixedEndpoint;
import dev.courier.history.DeliveryLog;

/**
 * Something that receives messages and records into a {@link DeliveryLog} under a label: a worker, a
 * port, a tapped queue. Endpoint assertions count the DELIVERED events whose receiver is {@link #label()}.
 *
 * <p>Thread contract: both methods must be safe to call from any thread and must not block.
 */
public interface DeliveryEndpoint {

    /** The receiver label used in the log's events, e.g. {@code transcoder#3} or {@code channel-2.port1}. */
    String label();

    /** The log this endpoint records into. */
    DeliveryLog log();

    /**
     * An endpoint for a known label in a log.
     *
     * @throws NullPointerException if either argument is null
     */
    static DeliveryEndpoint of(String label, DeliveryLog log) {
        return new FixedEndpoint(label, log);
    }
}
