package dev.courier.worker.internal;

import dev.courier.history.DeliveryLog;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Process-wide worker thread ids and per-log channel names. Thread-safe. */
public final class Names {

    private static final AtomicInteger THREAD_IDS = new AtomicInteger();
    private static final Map<DeliveryLog, AtomicInteger> CHANNELS = new WeakHashMap<>();

    private Names() {
    }

    /** The next worker thread id, from 1, unique in the process (like Node's threadId). */
    public static int nextThreadId() {
        return THREAD_IDS.incrementAndGet();
    }

    /** {@code channel-<n>}, unique within {@code log}. */
    public static String nextChannelName(DeliveryLog log) {
        AtomicInteger counter;
        synchronized (CHANNELS) {
            counter = CHANNELS.computeIfAbsent(log, ignored -> new AtomicInteger());
        }
        return "channel-" + counter.incrementAndGet();
    }
}
