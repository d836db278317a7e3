package dev.courier.fuzz;

/** A sample record whose components are all immutable (the clone shares it). */
public record SamplePoint(int x, long y, double weight) {
}
