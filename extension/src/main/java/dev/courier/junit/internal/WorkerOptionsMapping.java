package dev.courier.junit.internal;

import dev.courier.assertions.internal.Timeouts;
import dev.courier.clone.Codecs;
import dev.courier.clone.MessageCodec;
import dev.courier.history.DeliveryLog;
import dev.courier.junit.CodecChoice;
import dev.courier.worker.ListenerPolicy;
import dev.courier.worker.OverflowPolicy;
import dev.courier.worker.WorkerOptions;

/**
 * Turns a resolved {@link Layer} into the runtime's {@link WorkerOptions}. On real time, the bounds of a worker's
 * {@code close()} (drain, then stop) are multiplied by {@code courier.timeout.factor}; on a virtual clock they are
 * left as configured, since a slow machine does not slow virtual time.
 */
final class WorkerOptionsMapping {

    private WorkerOptionsMapping() {
    }

    static WorkerOptions of(Layer resolved, DeliveryLog log, boolean realTime) {
        WorkerOptions defaults = WorkerOptions.defaults();
        WorkerOptions options = defaults.log(log).codec(codec(resolved.codec()))
                .listenerPolicy(ListenerPolicy.valueOf(resolved.policy().name()))
                .overflow(OverflowPolicy.valueOf(resolved.overflow().name()))
                .retainPayloads(resolved.retain())
                .drainTimeout(realTime ? Timeouts.dilate(resolved.drainTimeout()) : resolved.drainTimeout())
                .stopTimeout(realTime ? Timeouts.dilate(defaults.stopTimeout()) : defaults.stopTimeout());
        return options.capacity(resolved.capacity());
    }

    static MessageCodec codec(CodecChoice choice) {
        return switch (choice) {
            case IDENTITY -> Codecs.identity();
            case JAVA_SERIALIZATION -> Codecs.javaSerialization();
            default -> Codecs.structuredClone();
        };
    }
}
