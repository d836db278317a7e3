package dev.courier.assertions;

import dev.courier.history.DeliveryLog;
import java.util.Objects;

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
     * An endpoint for a known label in a log: immutable, equal to another made here with an equal label and log.
     *
     * @throws NullPointerException if either argument is null
     */
    static DeliveryEndpoint of(String label, DeliveryLog log) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(log, "log");
        return new DeliveryEndpoint() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public DeliveryLog log() {
                return log;
            }

            @Override
            public boolean equals(Object other) {
                if (other == null || other.getClass() != getClass()) {
                    return false;
                }
                DeliveryEndpoint endpoint = (DeliveryEndpoint) other;
                return label.equals(endpoint.label()) && log.equals(endpoint.log());
            }

            @Override
            public int hashCode() {
                return Objects.hash(label, log);
            }

            @Override
            public String toString() {
                return "`" + label + "` in " + log;
            }
        };
    }
}
