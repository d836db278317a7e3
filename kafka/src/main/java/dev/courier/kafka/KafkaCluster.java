package dev.courier.kafka;

import dev.courier.history.DeliveryLog;
import dev.courier.kafka.internal.ClusterResource;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The in-process Kafka cluster a {@link KafkaTest} shares across the whole test run: one KRaft node,
 * started once, closed when the run ends. Inject it as a test parameter, or inject a {@link KafkaTopic}
 * (a fresh topic per test) directly.
 *
 * <p>Thread contract: thread-safe; tests running in parallel may create topics at the same time.
 */
public final class KafkaCluster implements AutoCloseable {

    private final ClusterResource resource;
    private final boolean owned;

    KafkaCluster(ClusterResource resource) {
        this(resource, false);
    }

    private KafkaCluster(ClusterResource resource, boolean owned) {
        this.resource = resource;
        this.owned = owned;
    }

    /**
     * Starts a cluster of its own, outside JUnit (a benchmark, a main), within {@code bound}; the caller
     * closes it. Tests use the shared cluster injected by {@link KafkaTest} instead.
     */
    public static KafkaCluster start(Duration bound) {
        return new KafkaCluster(ClusterResource.start(bound), true);
    }

    /** The {@code bootstrap.servers} value of the cluster. */
    public String bootstrapServers() {
        return resource.bootstrapServers();
    }

    /** The admin client of the cluster, shared: do not close it. */
    public Admin admin() {
        return resource.admin();
    }

    /**
     * Creates topic {@code name} with {@code partitions} partitions (one replica) and the given topic
     * configs, recording into {@code log}; waits at most 60 s for the creation.
     */
    public KafkaTopic createTopic(String name, int partitions, Map<String, String> configs, DeliveryLog log) {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition, got " + partitions + " for `"
                    + name + "`");
        }
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(new HashMap<>(configs));
        try {
            admin().createTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topic `" + name + "` with configs " + configs + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("topic `" + name + "` was not created within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic `" + name + "`", e);
        }
        return new KafkaTopic(bootstrapServers(), name, partitions, log);
    }

    /** Stops a cluster obtained from {@link #start}; the shared cluster of a test run is closed by JUnit. */
    @Override
    public void close() throws Exception {
        if (!owned) {
            throw new IllegalStateException("this cluster is shared by every test of the run and closes when the "
                    + "run ends: do not close it in a test");
        }
        resource.close();
    }

    @Override
    public String toString() {
        return "KafkaCluster[" + bootstrapServers() + "]";
    }
}
