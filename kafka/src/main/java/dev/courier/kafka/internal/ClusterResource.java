package dev.courier.kafka.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One in-process KRaft node (combined broker and controller) from Kafka's test kit, started within a bound
 * and closed once. Settings fit a one-broker cluster: internal topics with one replica, no initial
 * rebalance delay, no automatic topic creation (each test creates its own topic).
 *
 * <p>Thread contract: {@link #start} and {@link #close} are called once each (by the JUnit store that owns
 * the cluster); the accessors are safe from any thread after start.
 */
public final class ClusterResource implements AutoCloseable {

    private final KafkaClusterTestKit kit;
    private final Admin admin;

    private ClusterResource(KafkaClusterTestKit kit) {
        this.kit = kit;
        this.admin = kit.admin();
    }

    /** Formats and starts the cluster, waiting at most {@code bound} for its broker to be ready. */
    public static ClusterResource start(Duration bound) {
        ExecutorService starter = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "courier-kafka-cluster-start");
            thread.setDaemon(true);
            return thread;
        });
        KafkaClusterTestKit[] built = new KafkaClusterTestKit[1];
        Future<ClusterResource> started = starter.submit(() -> {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            built[0] = kit;
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new ClusterResource(kit);
        });
        try {
            return started.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            started.cancel(true);
            closeQuietly(built[0]);
            throw new IllegalStateException("the in-process Kafka cluster did not start within " + bound.toSeconds()
                    + " s (its broker never reported ready); the machine may be overloaded, or a port or the "
                    + "temporary directory is unavailable", e);
        } catch (ExecutionException e) {
            closeQuietly(built[0]);
            throw new IllegalStateException("the in-process Kafka cluster failed to start: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(built[0]);
            throw new IllegalStateException("interrupted while the in-process Kafka cluster was starting", e);
        } finally {
            starter.shutdownNow();
        }
    }

    private static void closeQuietly(KafkaClusterTestKit kit) {
        if (kit != null) {
            try {
                kit.close();
            } catch (Exception e) {
                // The start already failed; its reason is what the caller reports.
            }
        }
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** An admin client shared by every test; closed with the cluster. */
    public Admin admin() {
        return admin;
    }

    @Override
    public void close() throws Exception {
        try {
            admin.close(Duration.ofSeconds(10));
        } finally {
            kit.close();
        }
    }
}
