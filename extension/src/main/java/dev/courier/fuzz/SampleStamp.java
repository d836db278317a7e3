package dev.courier.fuzz;

import java.time.Instant;

/** A sample record of JDK value types and an enum. */
public record SampleStamp(SampleColor color, Instant at, Character mark) {
}
