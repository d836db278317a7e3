package dev.courier.fuzz.internal;

/**
 * What a try under a driven simulation threw, with the interleaving it ran printed as steps; the engine reports
 * the cause as the failure and the steps as the minimal interleaving.
 */
final class InterleavedFailure extends AssertionError {

    private final String steps;

    InterleavedFailure(String steps, Throwable cause) {
        super(String.valueOf(cause), cause);
        this.steps = steps;
    }

    String steps() {
        return steps;
    }
}
