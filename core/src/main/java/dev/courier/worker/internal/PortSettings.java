package dev.courier.worker.internal;

import dev.courier.clone.MessageCodec;
import dev.courier.history.DeliveryLog;
import dev.courier.worker.ListenerPolicy;
import dev.courier.worker.OverflowPolicy;
import dev.courier.worker.Scheduler;
import java.time.Duration;

/**
 * The settings a pair of ports shares: where they record, how payloads cross, how the queues behave.
 * Immutable.
 *
 * @param capacity               {@link Integer#MAX_VALUE} for unbounded
 * @param detectMutationInFlight snapshot at send and compare at delivery when the codec shares references
 */
public record PortSettings(DeliveryLog log, MessageCodec codec, ListenerPolicy listenerPolicy, int capacity,
                           OverflowPolicy overflow, boolean retainPayloads, Duration blockTimeout,
                           Scheduler scheduler, boolean detectMutationInFlight) {

    /** Whether ports snapshot payloads at send: detection is on and the receiver gets the sender's objects. */
    public boolean snapshotsAtSend() {
        return detectMutationInFlight && codec.sharesReferences();
    }
}
