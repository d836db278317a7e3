/**
 * Kafka delivery tests: Courier's history, checkers and diagnoses on a real in-process Kafka cluster.
 *
 * <p>{@link dev.courier.kafka.KafkaTest} gives test methods a shared {@link dev.courier.kafka.KafkaCluster}
 * (one KRaft node, started once per run) and a fresh {@link dev.courier.kafka.KafkaTopic} per test, whose
 * producer and consumer properties add {@link dev.courier.kafka.CourierProducerInterceptor} and
 * {@link dev.courier.kafka.CourierConsumerInterceptor} by class name. The application marks processed records
 * with {@link dev.courier.kafka.CourierKafka#handled}. Core's {@code Checks} and {@code CourierAssertions} work
 * on the topic's {@code DeliveryLog} unchanged; {@link dev.courier.kafka.KafkaChecks} adds Kafka's causes
 * (commit before processing, ignored send failures, redelivery after a rebalance or restart, retries without
 * idempotence). {@link dev.courier.kafka.KafkaFaults} injects the faults that make them reproducible.
 */
package dev.courier.kafka;
