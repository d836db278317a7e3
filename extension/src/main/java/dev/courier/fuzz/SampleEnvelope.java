package dev.courier.fuzz;

import java.util.List;

/** A sample record with a mutable part: the clone rebuilds it through its canonical constructor. */
public record SampleEnvelope(String topic, Object body, List<String> tags) {
}
