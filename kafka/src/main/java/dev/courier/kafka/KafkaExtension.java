package dev.courier.kafka;

import dev.courier.history.DeliveryLog;
import dev.courier.kafka.internal.ClusterResource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link KafkaCluster} and {@link KafkaTopic} parameters (register it with {@link KafkaTest}). The
 * cluster lives in the root store, so every test class of the run shares one cluster, closed when the run
 * ends; each test gets a fresh topic (named after the test, with its own {@link DeliveryLog}) whose clients
 * are closed after the test.
 *
 * <p>Thread contract: stateless apart from a topic counter; JUnit's stores serialize the cluster's start.
 */
public final class KafkaExtension implements ParameterResolver {

    /** How long the cluster may take to start before the first test needing it fails with the reason. */
    public static final Duration STARTUP_BOUND = Duration.ofSeconds(120);

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaExtension.class);
    private static final AtomicLong TOPICS = new AtomicLong();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KafkaCluster.class || type == KafkaTopic.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        KafkaCluster cluster = cluster(context);
        if (parameter.getParameter().getType() == KafkaCluster.class) {
            return cluster;
        }
        return context.getStore(NAMESPACE).computeIfAbsent(KafkaTopic.class, key -> freshTopic(cluster, context),
                KafkaTopic.class);
    }

    private static KafkaCluster cluster(ExtensionContext context) {
        ClusterResource resource = context.getRoot().getStore(NAMESPACE).computeIfAbsent(ClusterResource.class,
                key -> ClusterResource.start(STARTUP_BOUND), ClusterResource.class);
        return new KafkaCluster(resource);
    }

    private static KafkaTopic freshTopic(KafkaCluster cluster, ExtensionContext context) {
        TopicOptions options = context.getTestMethod().map(m -> m.getAnnotation(TopicOptions.class)).orElse(null);
        int partitions = options == null ? 1 : options.partitions();
        Map<String, String> configs = new LinkedHashMap<>();
        if (options != null) {
            for (String config : options.configs()) {
                int equals = config.indexOf('=');
                if (equals <= 0) {
                    throw new ParameterResolutionException("@TopicOptions config `" + config + "` on "
                            + context.getDisplayName() + " is not of the form name=value");
                }
                configs.put(config.substring(0, equals).trim(), config.substring(equals + 1).trim());
            }
        }
        String base = context.getTestMethod().map(m -> m.getName()).orElse("topic").replaceAll("[^A-Za-z0-9._-]", "_");
        String name = (base.length() > 180 ? base.substring(0, 180) : base) + "-" + TOPICS.incrementAndGet();
        return cluster.createTopic(name, partitions, configs, DeliveryLog.create());
    }
}
