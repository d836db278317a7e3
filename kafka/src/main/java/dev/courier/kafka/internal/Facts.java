package dev.courier.kafka.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text form of the Kafka facts recorded in event details: a fact name followed by {@code key=value}
 * fields separated by spaces ({@code commit group=g member=c1 partition=orders-0 offset=6}). Values never
 * contain spaces (topic names, group ids and client ids cannot).
 *
 * <p>Thread contract: stateless; every method is a pure function.
 */
public final class Facts {

    public static final String RESEND = "resend";
    public static final String ACK = "ack";
    public static final String SEND_FAILED = "send-failed";
    public static final String DELIVERY = "delivery";
    public static final String COMMIT = "commit";
    public static final String ASSIGNED = "assigned";
    public static final String REVOKED = "revoked";
    public static final String CONSUMER_CLOSED = "consumer-closed";
    public static final String PRODUCER_CLOSED = "producer-closed";
    public static final String HANDLED = "handled";

    private Facts() {
    }

    /** {@code name key1=value1 key2=value2 ...}; {@code pairs} alternate keys and values. */
    public static String format(String name, Object... pairs) {
        StringBuilder text = new StringBuilder(name);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            text.append(' ').append(pairs[i]).append('=').append(pairs[i + 1]);
        }
        return text.toString();
    }

    /** The fact's name: the first word of {@code detail}, or null for no detail. */
    public static String name(String detail) {
        if (detail == null) {
            return null;
        }
        int space = detail.indexOf(' ');
        return space < 0 ? detail : detail.substring(0, space);
    }

    /** The fact's fields in order. */
    public static Map<String, String> fields(String detail) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (detail == null) {
            return fields;
        }
        for (String word : detail.split(" ")) {
            int equals = word.indexOf('=');
            if (equals > 0) {
                fields.put(word.substring(0, equals), word.substring(equals + 1));
            }
        }
        return fields;
    }
}
