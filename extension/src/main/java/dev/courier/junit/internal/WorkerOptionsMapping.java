package dev.courier.junit.internal;

import dev.courier.clone.Codecs;
import dev.courier.clone.MessageCodec;
import dev.courier.history.DeliveryLog;
import dev.courier.junit.CodecChoice;
import dev.courier.worker.ListenerPolicy;
import dev.courier.worker.OverflowPolicy;
import dev.courier.worker.WorkerOptions;

/** Turns a resolved {@link Layer} into the runtime's {@link WorkerOptions}. */
final class WorkerOptionsMapping {

    private WorkerOptionsMapping() {
    }

    static WorkerOptions of(Layer resolved, DeliveryLog log) {
        WorkerOptions options = WorkerOptions.defaults().log(log).codec(codec(resolved.codec()))
                .listenerPolicy(ListenerPolicy.valueOf(resolved.policy().name()))
                .overflow(OverflowPolicy.valueOf(resolved.overflow().name()))
                .retainPayloads(resolved.retain())
                .drainTimeout(resolved.drainTimeout());
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
