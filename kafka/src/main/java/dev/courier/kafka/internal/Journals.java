package dev.courier.kafka.internal;

import dev.courier.history.DeliveryLog;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where interceptors, which Kafka instantiates by class name, find the journal of the test that configured
 * them: each journal is registered under a key that the cluster helper puts in the client's configuration
 * ({@link #CONFIG_KEY}). Each test opens its own key, so parallel tests never share a journal.
 *
 * <p>Thread contract: thread-safe; any thread may open, find and close at any time.
 */
public final class Journals {

    /** The client configuration property holding the journal key. */
    public static final String CONFIG_KEY = "courier.kafka.journal";

    private static final Map<String, Journal> OPEN = new ConcurrentHashMap<>();
    private static final AtomicLong KEYS = new AtomicLong();

    private Journals() {
    }

    /** Registers a fresh journal recording into {@code log} and returns it. */
    public static Journal open(DeliveryLog log) {
        String key = "j" + KEYS.incrementAndGet();
        Journal journal = new Journal(key, Objects.requireNonNull(log, "log"));
        OPEN.put(key, journal);
        return journal;
    }

    /** The journal named by a client configuration. */
    public static Journal fromConfig(Map<String, ?> configs, String client) {
        Object key = configs.get(CONFIG_KEY);
        if (key == null) {
            throw new IllegalStateException(client + " is configured with a Courier interceptor but without the `"
                    + CONFIG_KEY + "` property: build its properties with KafkaTopic.producerProps / consumerProps");
        }
        return find(key.toString(), client);
    }

    /** The journal registered under {@code key}. */
    public static Journal find(String key, String client) {
        Journal journal = OPEN.get(key);
        if (journal == null) {
            throw new IllegalStateException(client + " names Courier journal `" + key + "`, which is not open: "
                    + "its test has ended, or the properties were copied from another test's topic");
        }
        return journal;
    }

    /** Forgets the journal registered under {@code key}. */
    public static void close(String key) {
        OPEN.remove(key);
    }
}
