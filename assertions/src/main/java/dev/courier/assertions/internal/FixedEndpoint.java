package dev.courier.assertions.internal;

import dev.courier.assertions.DeliveryEndpoint;
import dev.courier.history.DeliveryLog;
import java.util.Objects;

/**
 * A {@link DeliveryEndpoint} for a label fixed in advance. Immutable.
 *
 * @param label the receiver label
 * @param log   the log it records into
 */
public record FixedEndpoint(String label, DeliveryLog log) implements DeliveryEndpoint {

    public FixedEndpoint {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(log, "log");
    }

    @Override
    public String toString() {
        return "`" + label + "` in " + log;
    }
}
