package dev.courier.kafka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class running against Courier's in-process Kafka cluster: its test methods may take a
 * {@link KafkaCluster} (shared by every test of the run, started once within {@link KafkaExtension#STARTUP_BOUND})
 * and a {@link KafkaTopic} (fresh for each test, with its own delivery history).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(KafkaExtension.class)
public @interface KafkaTest {
}
