package dev.courier.fuzz;

/** A sample enum used as values, map keys, {@code EnumMap} and {@code EnumSet} contents. */
public enum SampleColor { RED, GREEN, BLUE, CYAN }
