package dev.courier.benchmarks;

/** The small record every hand-off benchmark sends; {@code node/postmessage.js} sends the same shape. */
public record Ping(long id, String label, double value) {
}
