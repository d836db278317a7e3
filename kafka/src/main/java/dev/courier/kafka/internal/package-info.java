/** Implementation of the Kafka module: the journal registry and recorder, the cluster resource, the Kafka checks. */
package dev.courier.kafka.internal;
