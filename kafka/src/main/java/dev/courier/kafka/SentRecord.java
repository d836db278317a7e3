package dev.courier.kafka;

/**
 * The payload Courier retains for each record sent through its producer interceptor: what per-key order
 * checks read ({@code assertThat(log).isInSendOrderPerKey(SentRecord::key).check()} or {@link CourierKafka#recordKey()}).
 *
 * @param topic the record's topic
 * @param key   the record's key as the application passed it (null when unkeyed)
 * @param value the record's value as the application passed it
 */
public record SentRecord(String topic, Object key, Object value) {
}
