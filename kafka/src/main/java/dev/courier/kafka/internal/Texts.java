package dev.courier.kafka.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Small text helpers for Kafka diagnoses.
 *
 * <p>Thread contract: stateless; pure functions.
 */
final class Texts {

    private Texts() {
    }

    static String records(int count) {
        return count == 1 ? "1 record" : count + " records";
    }

    /** Sorted offsets as ranges: {@code 3–7, 9}. */
    static String ranges(List<Long> offsets) {
        List<Long> sorted = new ArrayList<>(offsets);
        sorted.sort(null);
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) <= sorted.get(j) + 1) {
                j++;
            }
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(sorted.get(i));
            if (j > i) {
                text.append('–').append(sorted.get(j));
            }
            i = j + 1;
        }
        return text.toString();
    }
}
